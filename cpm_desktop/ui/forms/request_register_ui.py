# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'request_register.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_RequestRegisterDialog(object):
    def setupUi(self, requestRegister):
        if not requestRegister.objectName():
            requestRegister.setObjectName(u"requestRegister")
        requestRegister.resize(1000, 440)
        self.dialogLayout = QVBoxLayout(requestRegister)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dueRuleLabel = QLabel(requestRegister)
        self.dueRuleLabel.setObjectName(u"dueRuleLabel")
        self.dueRuleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.dueRuleLabel)

        self.requestTable = QTableView(requestRegister)
        self.requestTable.setObjectName(u"requestTable")
        self.requestTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.requestTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.requestTable.horizontalHeader().setStretchLastSection(True)

        self.dialogLayout.addWidget(self.requestTable)

        self.requestButtons = QHBoxLayout()
        self.requestButtons.setObjectName(u"requestButtons")
        self.newRequestButton = QPushButton(requestRegister)
        self.newRequestButton.setObjectName(u"newRequestButton")
        self.newRequestButton.setAutoDefault(False)

        self.requestButtons.addWidget(self.newRequestButton)

        self.identityCheckedButton = QPushButton(requestRegister)
        self.identityCheckedButton.setObjectName(u"identityCheckedButton")
        self.identityCheckedButton.setAutoDefault(False)

        self.requestButtons.addWidget(self.identityCheckedButton)

        self.pauseButton = QPushButton(requestRegister)
        self.pauseButton.setObjectName(u"pauseButton")
        self.pauseButton.setAutoDefault(False)

        self.requestButtons.addWidget(self.pauseButton)

        self.extendButton = QPushButton(requestRegister)
        self.extendButton.setObjectName(u"extendButton")
        self.extendButton.setAutoDefault(False)

        self.requestButtons.addWidget(self.extendButton)

        self.completedButton = QPushButton(requestRegister)
        self.completedButton.setObjectName(u"completedButton")
        self.completedButton.setAutoDefault(False)

        self.requestButtons.addWidget(self.completedButton)

        self.exportButton = QPushButton(requestRegister)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.requestButtons.addWidget(self.exportButton)


        self.dialogLayout.addLayout(self.requestButtons)

        self.buttonBox = QDialogButtonBox(requestRegister)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.requestTable, self.newRequestButton)
        QWidget.setTabOrder(self.newRequestButton, self.identityCheckedButton)
        QWidget.setTabOrder(self.identityCheckedButton, self.pauseButton)
        QWidget.setTabOrder(self.pauseButton, self.extendButton)
        QWidget.setTabOrder(self.extendButton, self.completedButton)
        QWidget.setTabOrder(self.completedButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.buttonBox)

        self.retranslateUi(requestRegister)

        QMetaObject.connectSlotsByName(requestRegister)
    # setupUi

    def retranslateUi(self, requestRegister):
        requestRegister.setWindowTitle(QCoreApplication.translate("RequestRegisterDialog", u"Subject-access requests", None))
        self.dueRuleLabel.setText(QCoreApplication.translate("RequestRegisterDialog", u"Due one calendar month after the request was received (the last day of the next month when it has no such date), plus days the clock was paused waiting for proof of identity or clarification, plus any extension of up to two months.", None))
        self.newRequestButton.setText(QCoreApplication.translate("RequestRegisterDialog", u"&New request\u2026", None))
        self.identityCheckedButton.setText(QCoreApplication.translate("RequestRegisterDialog", u"&Identity checked today", None))
        self.pauseButton.setText(QCoreApplication.translate("RequestRegisterDialog", u"&Pause the clock\u2026", None))
        self.extendButton.setText(QCoreApplication.translate("RequestRegisterDialog", u"E&xtend\u2026", None))
        self.completedButton.setText(QCoreApplication.translate("RequestRegisterDialog", u"&Completed today", None))
        self.exportButton.setText(QCoreApplication.translate("RequestRegisterDialog", u"Prepare the &export\u2026", None))
    # retranslateUi

