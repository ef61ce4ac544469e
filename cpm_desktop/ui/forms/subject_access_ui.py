# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'subject_access.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_SubjectAccessDialog(object):
    def setupUi(self, subjectAccessDialog):
        if not subjectAccessDialog.objectName():
            subjectAccessDialog.setObjectName(u"subjectAccessDialog")
        subjectAccessDialog.resize(680, 460)
        self.dialogLayout = QVBoxLayout(subjectAccessDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.whoseForm = QFormLayout()
        self.whoseForm.setObjectName(u"whoseForm")
        self.whoseForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.subjectKindLabel = QLabel(subjectAccessDialog)
        self.subjectKindLabel.setObjectName(u"subjectKindLabel")

        self.whoseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.subjectKindLabel)

        self.subjectKind = QComboBox(subjectAccessDialog)
        self.subjectKind.setObjectName(u"subjectKind")

        self.whoseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.subjectKind)

        self.subjectIdLabel = QLabel(subjectAccessDialog)
        self.subjectIdLabel.setObjectName(u"subjectIdLabel")

        self.whoseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subjectIdLabel)

        self.subjectId = QLineEdit(subjectAccessDialog)
        self.subjectId.setObjectName(u"subjectId")

        self.whoseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subjectId)

        self.pdfPasswordLabel = QLabel(subjectAccessDialog)
        self.pdfPasswordLabel.setObjectName(u"pdfPasswordLabel")

        self.whoseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pdfPasswordLabel)

        self.pdfPassword = QLineEdit(subjectAccessDialog)
        self.pdfPassword.setObjectName(u"pdfPassword")
        self.pdfPassword.setEchoMode(QLineEdit.Password)

        self.whoseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pdfPassword)


        self.dialogLayout.addLayout(self.whoseForm)

        self.thirdPartiesLabel = QLabel(subjectAccessDialog)
        self.thirdPartiesLabel.setObjectName(u"thirdPartiesLabel")
        self.thirdPartiesLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.thirdPartiesLabel)

        self.redactionTable = QTableWidget(subjectAccessDialog)
        if (self.redactionTable.columnCount() < 2):
            self.redactionTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.redactionTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.redactionTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.redactionTable.setObjectName(u"redactionTable")
        self.redactionTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.redactionTable.horizontalHeader().setDefaultSectionSize(300)
        self.redactionTable.horizontalHeader().setStretchLastSection(True)

        self.dialogLayout.addWidget(self.redactionTable)

        self.redactionButtons = QHBoxLayout()
        self.redactionButtons.setObjectName(u"redactionButtons")
        self.readRecordButton = QPushButton(subjectAccessDialog)
        self.readRecordButton.setObjectName(u"readRecordButton")
        self.readRecordButton.setAutoDefault(False)

        self.redactionButtons.addWidget(self.readRecordButton)

        self.addRedactionButton = QPushButton(subjectAccessDialog)
        self.addRedactionButton.setObjectName(u"addRedactionButton")
        self.addRedactionButton.setAutoDefault(False)

        self.redactionButtons.addWidget(self.addRedactionButton)

        self.removeRedactionButton = QPushButton(subjectAccessDialog)
        self.removeRedactionButton.setObjectName(u"removeRedactionButton")
        self.removeRedactionButton.setAutoDefault(False)

        self.redactionButtons.addWidget(self.removeRedactionButton)

        self.redactionButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.redactionButtons.addItem(self.redactionButtonsSpacer)


        self.dialogLayout.addLayout(self.redactionButtons)

        self.buttonBox = QDialogButtonBox(subjectAccessDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.subjectKindLabel.setBuddy(self.subjectKind)
        self.subjectIdLabel.setBuddy(self.subjectId)
        self.pdfPasswordLabel.setBuddy(self.pdfPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.subjectKind, self.subjectId)
        QWidget.setTabOrder(self.subjectId, self.pdfPassword)
        QWidget.setTabOrder(self.pdfPassword, self.redactionTable)
        QWidget.setTabOrder(self.redactionTable, self.readRecordButton)
        QWidget.setTabOrder(self.readRecordButton, self.addRedactionButton)
        QWidget.setTabOrder(self.addRedactionButton, self.removeRedactionButton)
        QWidget.setTabOrder(self.removeRedactionButton, self.buttonBox)

        self.retranslateUi(subjectAccessDialog)

        QMetaObject.connectSlotsByName(subjectAccessDialog)
    # setupUi

    def retranslateUi(self, subjectAccessDialog):
        subjectAccessDialog.setWindowTitle(QCoreApplication.translate("SubjectAccessDialog", u"Subject-access export", None))
        self.subjectKindLabel.setText(QCoreApplication.translate("SubjectAccessDialog", u"&Whose record", None))
        self.subjectIdLabel.setText(QCoreApplication.translate("SubjectAccessDialog", u"&Id", None))
        self.subjectId.setPlaceholderText(QCoreApplication.translate("SubjectAccessDialog", u"e.g. P000123 or M0042", None))
        self.pdfPasswordLabel.setText(QCoreApplication.translate("SubjectAccessDialog", u"Password for the P&DF", None))
        self.pdfPassword.setPlaceholderText(QCoreApplication.translate("SubjectAccessDialog", u"optional: protect the PDF (AES-256)", None))
        self.thirdPartiesLabel.setText(QCoreApplication.translate("SubjectAccessDialog", u"Third parties: each passage below is removed from the text itself wherever it appears (whole words, in any case), and the export lists the reasons. A name's other forms (e-mail address, initials) are added ticked: untick any that would take out something else. Never draw over a printed copy instead.", None))
        ___qtablewidgetitem = self.redactionTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SubjectAccessDialog", u"Passage naming someone else", None))
        ___qtablewidgetitem1 = self.redactionTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SubjectAccessDialog", u"Reason", None))
        self.readRecordButton.setText(QCoreApplication.translate("SubjectAccessDialog", u"R&ead the record\u2026", None))
#if QT_CONFIG(tooltip)
        self.readRecordButton.setToolTip(QCoreApplication.translate("SubjectAccessDialog", u"Show the record as text, to find and select passages naming other people.", None))
#endif // QT_CONFIG(tooltip)
        self.addRedactionButton.setText(QCoreApplication.translate("SubjectAccessDialog", u"&Add a redaction", None))
        self.removeRedactionButton.setText(QCoreApplication.translate("SubjectAccessDialog", u"Re&move", None))
    # retranslateUi

