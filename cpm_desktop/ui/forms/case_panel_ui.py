# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_CasePanel(object):
    def setupUi(self, CasePanel):
        if not CasePanel.objectName():
            CasePanel.setObjectName(u"CasePanel")
        self.panelLayout = QVBoxLayout(CasePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.goalsBox = QGroupBox(CasePanel)
        self.goalsBox.setObjectName(u"goalsBox")
        self.goalsLayout = QVBoxLayout(self.goalsBox)
        self.goalsLayout.setObjectName(u"goalsLayout")
        self.goalList = QTableView(self.goalsBox)
        self.goalList.setObjectName(u"goalList")
        self.goalList.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.goalList.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.goalList.verticalHeader().setVisible(False)

        self.goalsLayout.addWidget(self.goalList)

        self.goalDetail = QLabel(self.goalsBox)
        self.goalDetail.setObjectName(u"goalDetail")
        self.goalDetail.setWordWrap(True)
        self.goalDetail.setTextFormat(Qt.PlainText)

        self.goalsLayout.addWidget(self.goalDetail)

        self.goalButtons = QHBoxLayout()
        self.goalButtons.setObjectName(u"goalButtons")
        self.newGoalButton = QPushButton(self.goalsBox)
        self.newGoalButton.setObjectName(u"newGoalButton")

        self.goalButtons.addWidget(self.newGoalButton)

        self.reviewGoalButton = QPushButton(self.goalsBox)
        self.reviewGoalButton.setObjectName(u"reviewGoalButton")

        self.goalButtons.addWidget(self.reviewGoalButton)


        self.goalsLayout.addLayout(self.goalButtons)


        self.panelLayout.addWidget(self.goalsBox)

        self.callsBox = QGroupBox(CasePanel)
        self.callsBox.setObjectName(u"callsBox")
        self.callsForm = QFormLayout(self.callsBox)
        self.callsForm.setObjectName(u"callsForm")
        self.callsBeforeLabel = QLabel(self.callsBox)
        self.callsBeforeLabel.setObjectName(u"callsBeforeLabel")

        self.callsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.callsBeforeLabel)

        self.callsBefore = QSpinBox(self.callsBox)
        self.callsBefore.setObjectName(u"callsBefore")
        self.callsBefore.setMinimum(-1)
        self.callsBefore.setMaximum(9999)
        self.callsBefore.setValue(-1)

        self.callsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.callsBefore)

        self.callsAfterLabel = QLabel(self.callsBox)
        self.callsAfterLabel.setObjectName(u"callsAfterLabel")

        self.callsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.callsAfterLabel)

        self.callsAfter = QSpinBox(self.callsBox)
        self.callsAfter.setObjectName(u"callsAfter")
        self.callsAfter.setMinimum(-1)
        self.callsAfter.setMaximum(9999)
        self.callsAfter.setValue(-1)

        self.callsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.callsAfter)

        self.callsSourceLabel = QLabel(self.callsBox)
        self.callsSourceLabel.setObjectName(u"callsSourceLabel")

        self.callsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.callsSourceLabel)

        self.callsSource = QLineEdit(self.callsBox)
        self.callsSource.setObjectName(u"callsSource")

        self.callsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.callsSource)

        self.callsChange = QLabel(self.callsBox)
        self.callsChange.setObjectName(u"callsChange")

        self.callsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.callsChange)

        self.saveCallsButton = QPushButton(self.callsBox)
        self.saveCallsButton.setObjectName(u"saveCallsButton")

        self.callsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.saveCallsButton)


        self.panelLayout.addWidget(self.callsBox)

        self.closingBox = QGroupBox(CasePanel)
        self.closingBox.setObjectName(u"closingBox")
        self.closingLayout = QVBoxLayout(self.closingBox)
        self.closingLayout.setObjectName(u"closingLayout")
        self.closureText = QLabel(self.closingBox)
        self.closureText.setObjectName(u"closureText")
        self.closureText.setWordWrap(True)
        self.closureText.setTextFormat(Qt.PlainText)

        self.closingLayout.addWidget(self.closureText)

        self.closingButtons = QHBoxLayout()
        self.closingButtons.setObjectName(u"closingButtons")
        self.closeCaseButton = QPushButton(self.closingBox)
        self.closeCaseButton.setObjectName(u"closeCaseButton")

        self.closingButtons.addWidget(self.closeCaseButton)

        self.reopenCaseButton = QPushButton(self.closingBox)
        self.reopenCaseButton.setObjectName(u"reopenCaseButton")

        self.closingButtons.addWidget(self.reopenCaseButton)


        self.closingLayout.addLayout(self.closingButtons)


        self.panelLayout.addWidget(self.closingBox)

#if QT_CONFIG(shortcut)
        self.callsBeforeLabel.setBuddy(self.callsBefore)
        self.callsAfterLabel.setBuddy(self.callsAfter)
        self.callsSourceLabel.setBuddy(self.callsSource)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.goalList, self.newGoalButton)
        QWidget.setTabOrder(self.newGoalButton, self.reviewGoalButton)
        QWidget.setTabOrder(self.reviewGoalButton, self.callsBefore)
        QWidget.setTabOrder(self.callsBefore, self.callsAfter)
        QWidget.setTabOrder(self.callsAfter, self.callsSource)
        QWidget.setTabOrder(self.callsSource, self.saveCallsButton)
        QWidget.setTabOrder(self.saveCallsButton, self.closeCaseButton)
        QWidget.setTabOrder(self.closeCaseButton, self.reopenCaseButton)

        self.retranslateUi(CasePanel)

        QMetaObject.connectSlotsByName(CasePanel)
    # setupUi

    def retranslateUi(self, CasePanel):
        self.goalsBox.setTitle(QCoreApplication.translate("CasePanel", u"GROW goals", None))
        self.newGoalButton.setText(QCoreApplication.translate("CasePanel", u"New g&oal\u2026", None))
        self.reviewGoalButton.setText(QCoreApplication.translate("CasePanel", u"Re&view goal\u2026", None))
        self.callsBox.setTitle(QCoreApplication.translate("CasePanel", u"Calls to the police (12 months before referral / after first contact)", None))
        self.callsBeforeLabel.setText(QCoreApplication.translate("CasePanel", u"&Before", None))
        self.callsBefore.setSpecialValueText(QCoreApplication.translate("CasePanel", u"not known", None))
        self.callsAfterLabel.setText(QCoreApplication.translate("CasePanel", u"Af&ter", None))
        self.callsAfter.setSpecialValueText(QCoreApplication.translate("CasePanel", u"not known", None))
        self.callsSourceLabel.setText(QCoreApplication.translate("CasePanel", u"So&urce", None))
        self.callsSource.setPlaceholderText(QCoreApplication.translate("CasePanel", u"Where the figures come from", None))
        self.saveCallsButton.setText(QCoreApplication.translate("CasePanel", u"Save the f&igures", None))
        self.closingBox.setTitle(QCoreApplication.translate("CasePanel", u"Closing", None))
        self.closeCaseButton.setText(QCoreApplication.translate("CasePanel", u"&Close the case\u2026", None))
        self.reopenCaseButton.setText(QCoreApplication.translate("CasePanel", u"Re-o&pen\u2026", None))
        pass
    # retranslateUi

