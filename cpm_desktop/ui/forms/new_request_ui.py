# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_request.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_NewRequestDialog(object):
    def setupUi(self, newRequestDialog):
        if not newRequestDialog.objectName():
            newRequestDialog.setObjectName(u"newRequestDialog")
        newRequestDialog.setMinimumSize(QSize(420, 0))
        self.dialogLayout = QVBoxLayout(newRequestDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.requestForm = QFormLayout()
        self.requestForm.setObjectName(u"requestForm")
        self.requestForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.newRequestKindLabel = QLabel(newRequestDialog)
        self.newRequestKindLabel.setObjectName(u"newRequestKindLabel")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newRequestKindLabel)

        self.newRequestKind = QComboBox(newRequestDialog)
        self.newRequestKind.setObjectName(u"newRequestKind")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newRequestKind)

        self.newRequestSubjectLabel = QLabel(newRequestDialog)
        self.newRequestSubjectLabel.setObjectName(u"newRequestSubjectLabel")

        self.requestForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newRequestSubjectLabel)

        self.newRequestSubject = QLineEdit(newRequestDialog)
        self.newRequestSubject.setObjectName(u"newRequestSubject")

        self.requestForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newRequestSubject)

        self.newRequestReceivedLabel = QLabel(newRequestDialog)
        self.newRequestReceivedLabel.setObjectName(u"newRequestReceivedLabel")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newRequestReceivedLabel)

        self.newRequestReceived = DateEntry(newRequestDialog)
        self.newRequestReceived.setObjectName(u"newRequestReceived")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newRequestReceived)


        self.dialogLayout.addLayout(self.requestForm)

        self.buttonBox = QDialogButtonBox(newRequestDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.newRequestKindLabel.setBuddy(self.newRequestKind)
        self.newRequestSubjectLabel.setBuddy(self.newRequestSubject)
        self.newRequestReceivedLabel.setBuddy(self.newRequestReceived)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newRequestKind, self.newRequestSubject)
        QWidget.setTabOrder(self.newRequestSubject, self.newRequestReceived)
        QWidget.setTabOrder(self.newRequestReceived, self.buttonBox)

        self.retranslateUi(newRequestDialog)

        QMetaObject.connectSlotsByName(newRequestDialog)
    # setupUi

    def retranslateUi(self, newRequestDialog):
        newRequestDialog.setWindowTitle(QCoreApplication.translate("NewRequestDialog", u"New subject-access request", None))
        self.newRequestKindLabel.setText(QCoreApplication.translate("NewRequestDialog", u"&Whose record", None))
        self.newRequestSubjectLabel.setText(QCoreApplication.translate("NewRequestDialog", u"&Id", None))
        self.newRequestSubject.setPlaceholderText(QCoreApplication.translate("NewRequestDialog", u"e.g. P000123 or M0042", None))
        self.newRequestReceivedLabel.setText(QCoreApplication.translate("NewRequestDialog", u"&Received on", None))
    # retranslateUi

