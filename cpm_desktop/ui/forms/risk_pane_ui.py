# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'risk_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_RiskPane(object):
    def setupUi(self, RiskPane):
        if not RiskPane.objectName():
            RiskPane.setObjectName(u"RiskPane")
        self.paneLayout = QVBoxLayout(RiskPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(RiskPane)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.riskCaseHeader = QLabel(self.body)
        self.riskCaseHeader.setObjectName(u"riskCaseHeader")
        self.riskCaseHeader.setTextFormat(Qt.PlainText)
        self.riskCaseHeader.setStyleSheet(u"font-size: 15px; font-weight: 600;")

        self.bodyLayout.addWidget(self.riskCaseHeader)

        self.decisionGroup = QGroupBox(self.body)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionGrid = QGridLayout(self.decisionGroup)
        self.decisionGrid.setObjectName(u"decisionGrid")
        self.currentOutcome = QLabel(self.decisionGroup)
        self.currentOutcome.setObjectName(u"currentOutcome")
        self.currentOutcome.setTextFormat(Qt.PlainText)

        self.decisionGrid.addWidget(self.currentOutcome, 0, 0, 1, 4)

        self.outcomeLabel = QLabel(self.decisionGroup)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.decisionGrid.addWidget(self.outcomeLabel, 1, 0, 1, 1)

        self.reasonLabel = QLabel(self.decisionGroup)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.decisionGrid.addWidget(self.reasonLabel, 1, 1, 1, 1)

        self.decisionDateLabel = QLabel(self.decisionGroup)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")

        self.decisionGrid.addWidget(self.decisionDateLabel, 1, 2, 1, 1)

        self.decisionOutcome = QComboBox(self.decisionGroup)
        self.decisionOutcome.setObjectName(u"decisionOutcome")

        self.decisionGrid.addWidget(self.decisionOutcome, 2, 0, 1, 1)

        self.decisionReason = QLineEdit(self.decisionGroup)
        self.decisionReason.setObjectName(u"decisionReason")

        self.decisionGrid.addWidget(self.decisionReason, 2, 1, 1, 1)

        self.decisionDate = DateEntry(self.decisionGroup)
        self.decisionDate.setObjectName(u"decisionDate")

        self.decisionGrid.addWidget(self.decisionDate, 2, 2, 1, 1)

        self.recordDecisionButton = QPushButton(self.decisionGroup)
        self.recordDecisionButton.setObjectName(u"recordDecisionButton")

        self.decisionGrid.addWidget(self.recordDecisionButton, 2, 3, 1, 1)

        self.decisionHistory = QListWidget(self.decisionGroup)
        self.decisionHistory.setObjectName(u"decisionHistory")
        self.decisionHistory.setMaximumSize(QSize(16777215, 72))

        self.decisionGrid.addWidget(self.decisionHistory, 3, 0, 1, 3)

        self.reopenButton = QPushButton(self.decisionGroup)
        self.reopenButton.setObjectName(u"reopenButton")

        self.decisionGrid.addWidget(self.reopenButton, 3, 3, 1, 1, Qt.AlignTop)

        self.decisionGrid.setColumnStretch(1, 2)

        self.bodyLayout.addWidget(self.decisionGroup)

        self.flagsAndVisits = QHBoxLayout()
        self.flagsAndVisits.setObjectName(u"flagsAndVisits")
        self.flagsGroup = QGroupBox(self.body)
        self.flagsGroup.setObjectName(u"flagsGroup")
        self.flagsLayout = QVBoxLayout(self.flagsGroup)
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.flagList = QListWidget(self.flagsGroup)
        self.flagList.setObjectName(u"flagList")
        self.flagList.setMinimumSize(QSize(0, 60))
        self.flagList.setMaximumSize(QSize(16777215, 120))

        self.flagsLayout.addWidget(self.flagList)

        self.flagButtons = QHBoxLayout()
        self.flagButtons.setObjectName(u"flagButtons")
        self.flagChoice = QComboBox(self.flagsGroup)
        self.flagChoice.setObjectName(u"flagChoice")

        self.flagButtons.addWidget(self.flagChoice)

        self.raiseFlagButton = QPushButton(self.flagsGroup)
        self.raiseFlagButton.setObjectName(u"raiseFlagButton")

        self.flagButtons.addWidget(self.raiseFlagButton)

        self.clearFlagButton = QPushButton(self.flagsGroup)
        self.clearFlagButton.setObjectName(u"clearFlagButton")

        self.flagButtons.addWidget(self.clearFlagButton)

        self.flagButtonsEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.flagButtons.addItem(self.flagButtonsEnd)


        self.flagsLayout.addLayout(self.flagButtons)


        self.flagsAndVisits.addWidget(self.flagsGroup)

        self.visitsGroup = QGroupBox(self.body)
        self.visitsGroup.setObjectName(u"visitsGroup")
        self.visitsLayout = QVBoxLayout(self.visitsGroup)
        self.visitsLayout.setObjectName(u"visitsLayout")
        self.visitList = QTableView(self.visitsGroup)
        self.visitList.setObjectName(u"visitList")
        self.visitList.setMinimumSize(QSize(0, 90))
        self.visitList.setMaximumSize(QSize(16777215, 120))
        self.visitList.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.visitList.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.visitList.horizontalHeader().setStretchLastSection(True)
        self.visitList.verticalHeader().setVisible(False)

        self.visitsLayout.addWidget(self.visitList)

        self.visitButtons = QHBoxLayout()
        self.visitButtons.setObjectName(u"visitButtons")
        self.newVisitButton = QPushButton(self.visitsGroup)
        self.newVisitButton.setObjectName(u"newVisitButton")

        self.visitButtons.addWidget(self.newVisitButton)

        self.editVisitButton = QPushButton(self.visitsGroup)
        self.editVisitButton.setObjectName(u"editVisitButton")

        self.visitButtons.addWidget(self.editVisitButton)

        self.visitButtonsEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visitButtons.addItem(self.visitButtonsEnd)


        self.visitsLayout.addLayout(self.visitButtons)


        self.flagsAndVisits.addWidget(self.visitsGroup)

        self.flagsAndVisits.setStretch(0, 2)
        self.flagsAndVisits.setStretch(1, 3)

        self.bodyLayout.addLayout(self.flagsAndVisits)

        self.assessmentsGroup = QGroupBox(self.body)
        self.assessmentsGroup.setObjectName(u"assessmentsGroup")
        self.assessmentsLayout = QVBoxLayout(self.assessmentsGroup)
        self.assessmentsLayout.setObjectName(u"assessmentsLayout")
        self.assessmentList = QTableView(self.assessmentsGroup)
        self.assessmentList.setObjectName(u"assessmentList")
        self.assessmentList.setMinimumSize(QSize(0, 110))
        self.assessmentList.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.assessmentList.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.assessmentList.horizontalHeader().setStretchLastSection(True)
        self.assessmentList.verticalHeader().setVisible(False)

        self.assessmentsLayout.addWidget(self.assessmentList)

        self.assessmentButtons = QHBoxLayout()
        self.assessmentButtons.setObjectName(u"assessmentButtons")
        self.newAssessmentButton = QPushButton(self.assessmentsGroup)
        self.newAssessmentButton.setObjectName(u"newAssessmentButton")

        self.assessmentButtons.addWidget(self.newAssessmentButton)

        self.nextAssessment = QLabel(self.assessmentsGroup)
        self.nextAssessment.setObjectName(u"nextAssessment")
        self.nextAssessment.setTextFormat(Qt.PlainText)

        self.assessmentButtons.addWidget(self.nextAssessment)

        self.assessmentButtonsEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.assessmentButtons.addItem(self.assessmentButtonsEnd)


        self.assessmentsLayout.addLayout(self.assessmentButtons)


        self.bodyLayout.addWidget(self.assessmentsGroup)

        self.bodyLayout.setStretch(3, 1)
        self.scroll.setWidget(self.body)

        self.paneLayout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.outcomeLabel.setBuddy(self.decisionOutcome)
        self.reasonLabel.setBuddy(self.decisionReason)
        self.decisionDateLabel.setBuddy(self.decisionDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.decisionOutcome, self.decisionReason)
        QWidget.setTabOrder(self.decisionReason, self.decisionDate)
        QWidget.setTabOrder(self.decisionDate, self.recordDecisionButton)
        QWidget.setTabOrder(self.recordDecisionButton, self.decisionHistory)
        QWidget.setTabOrder(self.decisionHistory, self.reopenButton)
        QWidget.setTabOrder(self.reopenButton, self.flagList)
        QWidget.setTabOrder(self.flagList, self.flagChoice)
        QWidget.setTabOrder(self.flagChoice, self.raiseFlagButton)
        QWidget.setTabOrder(self.raiseFlagButton, self.clearFlagButton)
        QWidget.setTabOrder(self.clearFlagButton, self.assessmentList)
        QWidget.setTabOrder(self.assessmentList, self.newAssessmentButton)
        QWidget.setTabOrder(self.newAssessmentButton, self.visitList)
        QWidget.setTabOrder(self.visitList, self.newVisitButton)
        QWidget.setTabOrder(self.newVisitButton, self.editVisitButton)

        self.retranslateUi(RiskPane)

        QMetaObject.connectSlotsByName(RiskPane)
    # setupUi

    def retranslateUi(self, RiskPane):
        self.riskCaseHeader.setText(QCoreApplication.translate("RiskPane", u"Choose a referral in the Referrals pane.", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("RiskPane", u"Decision", None))
        self.outcomeLabel.setText(QCoreApplication.translate("RiskPane", u"O&utcome", None))
        self.reasonLabel.setText(QCoreApplication.translate("RiskPane", u"Reaso&n", None))
        self.decisionDateLabel.setText(QCoreApplication.translate("RiskPane", u"Da&te", None))
        self.decisionReason.setPlaceholderText(QCoreApplication.translate("RiskPane", u"Why \u2014 required", None))
        self.recordDecisionButton.setText(QCoreApplication.translate("RiskPane", u"Record &decision", None))
        self.reopenButton.setText(QCoreApplication.translate("RiskPane", u"Re-&open case\u2026", None))
        self.flagsGroup.setTitle(QCoreApplication.translate("RiskPane", u"Risk flags that follow the case", None))
        self.raiseFlagButton.setText(QCoreApplication.translate("RiskPane", u"Ra&ise flag", None))
        self.clearFlagButton.setText(QCoreApplication.translate("RiskPane", u"Cl&ear flag", None))
        self.visitsGroup.setTitle(QCoreApplication.translate("RiskPane", u"Home visits", None))
        self.newVisitButton.setText(QCoreApplication.translate("RiskPane", u"Plan or record a &visit\u2026", None))
        self.editVisitButton.setText(QCoreApplication.translate("RiskPane", u"U&pdate the selected visit\u2026", None))
        self.assessmentsGroup.setTitle(QCoreApplication.translate("RiskPane", u"Assessments (newest first)", None))
        self.newAssessmentButton.setText(QCoreApplication.translate("RiskPane", u"New &assessment\u2026", None))
        pass
    # retranslateUi

