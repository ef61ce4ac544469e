# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'erasure_request.ui'
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

class Ui_ErasureRequestDialog(object):
    def setupUi(self, erasureRequest):
        if not erasureRequest.objectName():
            erasureRequest.setObjectName(u"erasureRequest")
        erasureRequest.setMinimumSize(QSize(480, 0))
        self.dialogLayout = QVBoxLayout(erasureRequest)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.erasureHint = QLabel(erasureRequest)
        self.erasureHint.setObjectName(u"erasureHint")
        self.erasureHint.setWordWrap(True)

        self.dialogLayout.addWidget(self.erasureHint)

        self.erasureForm = QFormLayout()
        self.erasureForm.setObjectName(u"erasureForm")
        self.erasureForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.erasureKindLabel = QLabel(erasureRequest)
        self.erasureKindLabel.setObjectName(u"erasureKindLabel")

        self.erasureForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.erasureKindLabel)

        self.erasureKind = QComboBox(erasureRequest)
        self.erasureKind.setObjectName(u"erasureKind")

        self.erasureForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.erasureKind)

        self.erasureSubjectLabel = QLabel(erasureRequest)
        self.erasureSubjectLabel.setObjectName(u"erasureSubjectLabel")

        self.erasureForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.erasureSubjectLabel)

        self.erasureSubject = QLineEdit(erasureRequest)
        self.erasureSubject.setObjectName(u"erasureSubject")

        self.erasureForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.erasureSubject)

        self.erasureReasonLabel = QLabel(erasureRequest)
        self.erasureReasonLabel.setObjectName(u"erasureReasonLabel")

        self.erasureForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.erasureReasonLabel)

        self.erasureReason = QLineEdit(erasureRequest)
        self.erasureReason.setObjectName(u"erasureReason")

        self.erasureForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.erasureReason)

        self.erasureReceivedLabel = QLabel(erasureRequest)
        self.erasureReceivedLabel.setObjectName(u"erasureReceivedLabel")

        self.erasureForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.erasureReceivedLabel)

        self.erasureReceived = DateEntry(erasureRequest)
        self.erasureReceived.setObjectName(u"erasureReceived")

        self.erasureForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.erasureReceived)


        self.dialogLayout.addLayout(self.erasureForm)

        self.buttonBox = QDialogButtonBox(erasureRequest)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.erasureKindLabel.setBuddy(self.erasureKind)
        self.erasureSubjectLabel.setBuddy(self.erasureSubject)
        self.erasureReasonLabel.setBuddy(self.erasureReason)
        self.erasureReceivedLabel.setBuddy(self.erasureReceived)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.erasureKind, self.erasureSubject)
        QWidget.setTabOrder(self.erasureSubject, self.erasureReason)
        QWidget.setTabOrder(self.erasureReason, self.erasureReceived)
        QWidget.setTabOrder(self.erasureReceived, self.buttonBox)

        self.retranslateUi(erasureRequest)

        QMetaObject.connectSlotsByName(erasureRequest)
    # setupUi

    def retranslateUi(self, erasureRequest):
        erasureRequest.setWindowTitle(QCoreApplication.translate("ErasureRequestDialog", u"Erase on request", None))
        self.erasureHint.setText(QCoreApplication.translate("ErasureRequestDialog", u"Everything held about them is erased, here and on every laptop at their next sync; the request is kept in the register, naming no one. A legal hold or an open subject-access request stops it.", None))
        self.erasureKindLabel.setText(QCoreApplication.translate("ErasureRequestDialog", u"&Whose record", None))
        self.erasureSubjectLabel.setText(QCoreApplication.translate("ErasureRequestDialog", u"&Id", None))
        self.erasureSubject.setPlaceholderText(QCoreApplication.translate("ErasureRequestDialog", u"e.g. P000123 or M0042", None))
        self.erasureReasonLabel.setText(QCoreApplication.translate("ErasureRequestDialog", u"&Reason", None))
        self.erasureReason.setPlaceholderText(QCoreApplication.translate("ErasureRequestDialog", u"e.g. asked by letter of 28/11/2026", None))
        self.erasureReceivedLabel.setText(QCoreApplication.translate("ErasureRequestDialog", u"Request re&ceived", None))
    # retranslateUi

