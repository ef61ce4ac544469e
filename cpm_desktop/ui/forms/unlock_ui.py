# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_UnlockDialog(object):
    def setupUi(self, UnlockDialog):
        if not UnlockDialog.objectName():
            UnlockDialog.setObjectName(u"UnlockDialog")
        UnlockDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(UnlockDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.unlockForm = QFormLayout()
        self.unlockForm.setObjectName(u"unlockForm")
        self.unlockForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.storeLabel = QLabel(UnlockDialog)
        self.storeLabel.setObjectName(u"storeLabel")

        self.unlockForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.storeLabel)

        self.storeRow = QHBoxLayout()
        self.storeRow.setObjectName(u"storeRow")
        self.storePath = QLineEdit(UnlockDialog)
        self.storePath.setObjectName(u"storePath")

        self.storeRow.addWidget(self.storePath)

        self.chooseStoreButton = QPushButton(UnlockDialog)
        self.chooseStoreButton.setObjectName(u"chooseStoreButton")
        self.chooseStoreButton.setAutoDefault(False)

        self.storeRow.addWidget(self.chooseStoreButton)


        self.unlockForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.storeRow)

        self.passphraseLabel = QLabel(UnlockDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.unlockForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphrase = QLineEdit(UnlockDialog)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)

        self.unlockForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.confirmLabel = QLabel(UnlockDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.unlockForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmPassphrase = QLineEdit(UnlockDialog)
        self.confirmPassphrase.setObjectName(u"confirmPassphrase")
        self.confirmPassphrase.setEchoMode(QLineEdit.Password)

        self.unlockForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmPassphrase)

        self.passphraseHint = QLabel(UnlockDialog)
        self.passphraseHint.setObjectName(u"passphraseHint")
        self.passphraseHint.setWordWrap(True)

        self.unlockForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passphraseHint)


        self.dialogLayout.addLayout(self.unlockForm)

        self.unlockMessage = QLabel(UnlockDialog)
        self.unlockMessage.setObjectName(u"unlockMessage")
        self.unlockMessage.setStyleSheet(u"color: #b42318;")
        self.unlockMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.unlockMessage)

        self.unlockProgress = QLabel(UnlockDialog)
        self.unlockProgress.setObjectName(u"unlockProgress")
        self.unlockProgress.setWordWrap(True)

        self.dialogLayout.addWidget(self.unlockProgress)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.demoButton = QPushButton(UnlockDialog)
        self.demoButton.setObjectName(u"demoButton")
        self.demoButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.demoButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelWaitButton = QPushButton(UnlockDialog)
        self.cancelWaitButton.setObjectName(u"cancelWaitButton")
        self.cancelWaitButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelWaitButton)

        self.newStoreButton = QPushButton(UnlockDialog)
        self.newStoreButton.setObjectName(u"newStoreButton")
        self.newStoreButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.newStoreButton)

        self.openButton = QPushButton(UnlockDialog)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.storeLabel.setBuddy(self.storePath)
        self.passphraseLabel.setBuddy(self.passphrase)
        self.confirmLabel.setBuddy(self.confirmPassphrase)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.storePath, self.chooseStoreButton)
        QWidget.setTabOrder(self.chooseStoreButton, self.passphrase)
        QWidget.setTabOrder(self.passphrase, self.confirmPassphrase)
        QWidget.setTabOrder(self.confirmPassphrase, self.openButton)
        QWidget.setTabOrder(self.openButton, self.newStoreButton)
        QWidget.setTabOrder(self.newStoreButton, self.demoButton)
        QWidget.setTabOrder(self.demoButton, self.cancelWaitButton)

        self.retranslateUi(UnlockDialog)

        self.openButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockDialog)
    # setupUi

    def retranslateUi(self, UnlockDialog):
        UnlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"CPM Desktop \u2014 unlock", None))
        self.storeLabel.setText(QCoreApplication.translate("UnlockDialog", u"&Store", None))
        self.chooseStoreButton.setText(QCoreApplication.translate("UnlockDialog", u"C&hoose\u2026", None))
        self.passphraseLabel.setText(QCoreApplication.translate("UnlockDialog", u"&Passphrase", None))
        self.confirmLabel.setText(QCoreApplication.translate("UnlockDialog", u"&Again, to be sure", None))
        self.demoButton.setText(QCoreApplication.translate("UnlockDialog", u"Open the &demo (synthetic people)", None))
        self.cancelWaitButton.setText(QCoreApplication.translate("UnlockDialog", u"Cancel", None))
#if QT_CONFIG(tooltip)
        self.cancelWaitButton.setToolTip(QCoreApplication.translate("UnlockDialog", u"Stop waiting (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.newStoreButton.setText(QCoreApplication.translate("UnlockDialog", u"Create &new store", None))
        self.openButton.setText(QCoreApplication.translate("UnlockDialog", u"&Open", None))
    # retranslateUi

