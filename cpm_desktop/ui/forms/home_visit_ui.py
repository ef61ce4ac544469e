# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'home_visit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_VisitDialog(object):
    def setupUi(self, VisitDialog):
        if not VisitDialog.objectName():
            VisitDialog.setObjectName(u"VisitDialog")
        VisitDialog.setMinimumSize(QSize(480, 0))
        self.dialogLayout = QVBoxLayout(VisitDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.visitForm = QFormLayout()
        self.visitForm.setObjectName(u"visitForm")
        self.visitForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.visitOnLabel = QLabel(VisitDialog)
        self.visitOnLabel.setObjectName(u"visitOnLabel")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.visitOnLabel)

        self.visitOn = DateEntry(VisitDialog)
        self.visitOn.setObjectName(u"visitOn")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.visitOn)

        self.statusLabel = QLabel(VisitDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.visitStatus = QComboBox(VisitDialog)
        self.visitStatus.setObjectName(u"visitStatus")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.visitStatus)

        self.visitorsLabel = QLabel(VisitDialog)
        self.visitorsLabel.setObjectName(u"visitorsLabel")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.visitorsLabel)

        self.visitors = QLineEdit(VisitDialog)
        self.visitors.setObjectName(u"visitors")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.visitors)

        self.jointCheck = QCheckBox(VisitDialog)
        self.jointCheck.setObjectName(u"jointCheck")

        self.visitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.jointCheck)

        self.notesLabel = QLabel(VisitDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.visitForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.visitNotes = QPlainTextEdit(VisitDialog)
        self.visitNotes.setObjectName(u"visitNotes")
        self.visitNotes.setTabChangesFocus(True)

        self.visitForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.visitNotes)


        self.dialogLayout.addLayout(self.visitForm)

        self.buttonBox = QDialogButtonBox(VisitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.visitOnLabel.setBuddy(self.visitOn)
        self.statusLabel.setBuddy(self.visitStatus)
        self.visitorsLabel.setBuddy(self.visitors)
        self.notesLabel.setBuddy(self.visitNotes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.visitOn, self.visitStatus)
        QWidget.setTabOrder(self.visitStatus, self.visitors)
        QWidget.setTabOrder(self.visitors, self.jointCheck)
        QWidget.setTabOrder(self.jointCheck, self.visitNotes)
        QWidget.setTabOrder(self.visitNotes, self.buttonBox)

        self.retranslateUi(VisitDialog)

        QMetaObject.connectSlotsByName(VisitDialog)
    # setupUi

    def retranslateUi(self, VisitDialog):
        VisitDialog.setWindowTitle(QCoreApplication.translate("VisitDialog", u"Home visit", None))
        self.visitOnLabel.setText(QCoreApplication.translate("VisitDialog", u"&Date", None))
        self.statusLabel.setText(QCoreApplication.translate("VisitDialog", u"S&tatus", None))
        self.visitorsLabel.setText(QCoreApplication.translate("VisitDialog", u"&Who went", None))
        self.jointCheck.setText(QCoreApplication.translate("VisitDialog", u"&Joint with the referrer", None))
        self.notesLabel.setText(QCoreApplication.translate("VisitDialog", u"&Notes", None))
    # retranslateUi

