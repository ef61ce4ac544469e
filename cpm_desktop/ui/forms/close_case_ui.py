# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'close_case.ui'
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
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_CloseCaseDialog(object):
    def setupUi(self, CloseCaseDialog):
        if not CloseCaseDialog.objectName():
            CloseCaseDialog.setObjectName(u"CloseCaseDialog")
        CloseCaseDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(CloseCaseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.caseLabel = QLabel(CloseCaseDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.caseLabel)

        self.closeForm = QFormLayout()
        self.closeForm.setObjectName(u"closeForm")
        self.closeForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.reasonLabel = QLabel(CloseCaseDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.closeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(CloseCaseDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")
        self.reasonCombo.setEditable(True)
        self.reasonCombo.setInsertPolicy(QComboBox.NoInsert)

        self.closeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.closedOnLabel = QLabel(CloseCaseDialog)
        self.closedOnLabel.setObjectName(u"closedOnLabel")

        self.closeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.closedOnLabel)

        self.closedOnEdit = DateEntry(CloseCaseDialog)
        self.closedOnEdit.setObjectName(u"closedOnEdit")

        self.closeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.closedOnEdit)

        self.callsAfterLabel = QLabel(CloseCaseDialog)
        self.callsAfterLabel.setObjectName(u"callsAfterLabel")

        self.closeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.callsAfterLabel)

        self.callsAfterSpin = QSpinBox(CloseCaseDialog)
        self.callsAfterSpin.setObjectName(u"callsAfterSpin")
        self.callsAfterSpin.setMinimum(-1)
        self.callsAfterSpin.setMaximum(9999)
        self.callsAfterSpin.setValue(-1)

        self.closeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.callsAfterSpin)

        self.callsSourceLabel = QLabel(CloseCaseDialog)
        self.callsSourceLabel.setObjectName(u"callsSourceLabel")

        self.closeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.callsSourceLabel)

        self.callsSourceEdit = QLineEdit(CloseCaseDialog)
        self.callsSourceEdit.setObjectName(u"callsSourceEdit")

        self.closeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.callsSourceEdit)


        self.dialogLayout.addLayout(self.closeForm)

        self.feedbackLabel = QLabel(CloseCaseDialog)
        self.feedbackLabel.setObjectName(u"feedbackLabel")
        self.feedbackLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.feedbackLabel)

        self.buttonBox = QDialogButtonBox(CloseCaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.closedOnLabel.setBuddy(self.closedOnEdit)
        self.callsAfterLabel.setBuddy(self.callsAfterSpin)
        self.callsSourceLabel.setBuddy(self.callsSourceEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonCombo, self.closedOnEdit)
        QWidget.setTabOrder(self.closedOnEdit, self.callsAfterSpin)
        QWidget.setTabOrder(self.callsAfterSpin, self.callsSourceEdit)
        QWidget.setTabOrder(self.callsSourceEdit, self.buttonBox)

        self.retranslateUi(CloseCaseDialog)

        QMetaObject.connectSlotsByName(CloseCaseDialog)
    # setupUi

    def retranslateUi(self, CloseCaseDialog):
        CloseCaseDialog.setWindowTitle(QCoreApplication.translate("CloseCaseDialog", u"Close the case", None))
        self.reasonLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"&Reason", None))
        self.closedOnLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"Support &ended on", None))
        self.callsAfterLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"&Police calls since first contact", None))
        self.callsAfterSpin.setSpecialValueText(QCoreApplication.translate("CloseCaseDialog", u"not known yet", None))
        self.callsSourceLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"Source of the &figure", None))
        self.callsSourceEdit.setPlaceholderText(QCoreApplication.translate("CloseCaseDialog", u"e.g. police command and control system", None))
        self.feedbackLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"The referrer is then due feedback (Letters \u25b8 Feedback due).", None))
    # retranslateUi

