# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'gdpr_settings.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_GdprSettingsDialog(object):
    def setupUi(self, gdprSettings):
        if not gdprSettings.objectName():
            gdprSettings.setObjectName(u"gdprSettings")
        gdprSettings.resize(760, 640)
        self.dialogLayout = QVBoxLayout(gdprSettings)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scroll = QScrollArea(gdprSettings)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.fieldsForm = QFormLayout(self.body)
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.controllerEditLabel = QLabel(self.body)
        self.controllerEditLabel.setObjectName(u"controllerEditLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.controllerEditLabel)

        self.controllerEdit = QPlainTextEdit(self.body)
        self.controllerEdit.setObjectName(u"controllerEdit")
        self.controllerEdit.setMaximumSize(QSize(16777215, 80))
        self.controllerEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.controllerEdit)

        self.contactEditLabel = QLabel(self.body)
        self.contactEditLabel.setObjectName(u"contactEditLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contactEditLabel)

        self.contactEdit = QPlainTextEdit(self.body)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaximumSize(QSize(16777215, 80))
        self.contactEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.purposesEditLabel = QLabel(self.body)
        self.purposesEditLabel.setObjectName(u"purposesEditLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.purposesEditLabel)

        self.purposesEdit = QPlainTextEdit(self.body)
        self.purposesEdit.setObjectName(u"purposesEdit")
        self.purposesEdit.setMaximumSize(QSize(16777215, 80))
        self.purposesEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.purposesEdit)

        self.lawfulBasisEditLabel = QLabel(self.body)
        self.lawfulBasisEditLabel.setObjectName(u"lawfulBasisEditLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lawfulBasisEditLabel)

        self.lawfulBasisEdit = QPlainTextEdit(self.body)
        self.lawfulBasisEdit.setObjectName(u"lawfulBasisEdit")
        self.lawfulBasisEdit.setMaximumSize(QSize(16777215, 80))
        self.lawfulBasisEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.lawfulBasisEdit)

        self.categoriesEditLabel = QLabel(self.body)
        self.categoriesEditLabel.setObjectName(u"categoriesEditLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.categoriesEditLabel)

        self.categoriesEdit = QPlainTextEdit(self.body)
        self.categoriesEdit.setObjectName(u"categoriesEdit")
        self.categoriesEdit.setMaximumSize(QSize(16777215, 80))
        self.categoriesEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.categoriesEdit)

        self.recipientsEditLabel = QLabel(self.body)
        self.recipientsEditLabel.setObjectName(u"recipientsEditLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.recipientsEditLabel)

        self.recipientsEdit = QPlainTextEdit(self.body)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setMaximumSize(QSize(16777215, 80))
        self.recipientsEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)

        self.sourceEditLabel = QLabel(self.body)
        self.sourceEditLabel.setObjectName(u"sourceEditLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sourceEditLabel)

        self.sourceEdit = QPlainTextEdit(self.body)
        self.sourceEdit.setObjectName(u"sourceEdit")
        self.sourceEdit.setMaximumSize(QSize(16777215, 80))
        self.sourceEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sourceEdit)

        self.rightsEditLabel = QLabel(self.body)
        self.rightsEditLabel.setObjectName(u"rightsEditLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.rightsEditLabel)

        self.rightsEdit = QPlainTextEdit(self.body)
        self.rightsEdit.setObjectName(u"rightsEdit")
        self.rightsEdit.setMaximumSize(QSize(16777215, 80))
        self.rightsEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.rightsEdit)

        self.automatedDecisionsEditLabel = QLabel(self.body)
        self.automatedDecisionsEditLabel.setObjectName(u"automatedDecisionsEditLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.automatedDecisionsEditLabel)

        self.automatedDecisionsEdit = QPlainTextEdit(self.body)
        self.automatedDecisionsEdit.setObjectName(u"automatedDecisionsEdit")
        self.automatedDecisionsEdit.setMaximumSize(QSize(16777215, 80))
        self.automatedDecisionsEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.automatedDecisionsEdit)

        self.complaintEditLabel = QLabel(self.body)
        self.complaintEditLabel.setObjectName(u"complaintEditLabel")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.complaintEditLabel)

        self.complaintEdit = QPlainTextEdit(self.body)
        self.complaintEdit.setObjectName(u"complaintEdit")
        self.complaintEdit.setMaximumSize(QSize(16777215, 80))
        self.complaintEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.complaintEdit)

        self.retentionTextLabel = QLabel(self.body)
        self.retentionTextLabel.setObjectName(u"retentionTextLabel")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.retentionTextLabel)

        self.retentionText = QLabel(self.body)
        self.retentionText.setObjectName(u"retentionText")
        self.retentionText.setWordWrap(True)

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.retentionText)

        self.scroll.setWidget(self.body)

        self.dialogLayout.addWidget(self.scroll)

        self.buttonBox = QDialogButtonBox(gdprSettings)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.controllerEditLabel.setBuddy(self.controllerEdit)
        self.contactEditLabel.setBuddy(self.contactEdit)
        self.purposesEditLabel.setBuddy(self.purposesEdit)
        self.lawfulBasisEditLabel.setBuddy(self.lawfulBasisEdit)
        self.categoriesEditLabel.setBuddy(self.categoriesEdit)
        self.recipientsEditLabel.setBuddy(self.recipientsEdit)
        self.sourceEditLabel.setBuddy(self.sourceEdit)
        self.rightsEditLabel.setBuddy(self.rightsEdit)
        self.automatedDecisionsEditLabel.setBuddy(self.automatedDecisionsEdit)
        self.complaintEditLabel.setBuddy(self.complaintEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.controllerEdit, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.purposesEdit)
        QWidget.setTabOrder(self.purposesEdit, self.lawfulBasisEdit)
        QWidget.setTabOrder(self.lawfulBasisEdit, self.categoriesEdit)
        QWidget.setTabOrder(self.categoriesEdit, self.recipientsEdit)
        QWidget.setTabOrder(self.recipientsEdit, self.sourceEdit)
        QWidget.setTabOrder(self.sourceEdit, self.rightsEdit)
        QWidget.setTabOrder(self.rightsEdit, self.automatedDecisionsEdit)
        QWidget.setTabOrder(self.automatedDecisionsEdit, self.complaintEdit)
        QWidget.setTabOrder(self.complaintEdit, self.buttonBox)

        self.retranslateUi(gdprSettings)

        QMetaObject.connectSlotsByName(gdprSettings)
    # setupUi

    def retranslateUi(self, gdprSettings):
        gdprSettings.setWindowTitle(QCoreApplication.translate("GdprSettingsDialog", u"Subject-access information", None))
        self.controllerEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Who holds the information", None))
        self.contactEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"How to contact us", None))
        self.purposesEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Why we hold it (one per line)", None))
        self.lawfulBasisEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"The law that allows it", None))
        self.categoriesEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Kinds of information (one per line)", None))
        self.recipientsEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Who it may be shared with (one per line)", None))
        self.sourceEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Where it comes from", None))
        self.rightsEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Your rights (one per line)", None))
        self.automatedDecisionsEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Automated decisions", None))
        self.complaintEditLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"Complaints to the ICO", None))
        self.retentionTextLabel.setText(QCoreApplication.translate("GdprSettingsDialog", u"How long we keep it", None))
    # retranslateUi

