# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'allocation_pane.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_AllocationPane(object):
    def setupUi(self, allocationPane):
        if not allocationPane.objectName():
            allocationPane.setObjectName(u"allocationPane")
        allocationPane.resize(1100, 640)
        self.mentorRegisterAction = QAction(allocationPane)
        self.mentorRegisterAction.setObjectName(u"mentorRegisterAction")
        self.paneLayout = QVBoxLayout(allocationPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.currentGroup = QGroupBox(allocationPane)
        self.currentGroup.setObjectName(u"currentGroup")
        self.currentLayout = QVBoxLayout(self.currentGroup)
        self.currentLayout.setObjectName(u"currentLayout")
        self.allocatedMentors = QTableView(self.currentGroup)
        self.allocatedMentors.setObjectName(u"allocatedMentors")
        self.allocatedMentors.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.allocatedMentors.setSelectionMode(QAbstractItemView.SingleSelection)
        self.allocatedMentors.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.allocatedMentors.setSortingEnabled(False)
        self.allocatedMentors.setWordWrap(False)
        self.allocatedMentors.horizontalHeader().setStretchLastSection(True)
        self.allocatedMentors.verticalHeader().setVisible(False)

        self.currentLayout.addWidget(self.allocatedMentors)

        self.currentButtons = QHBoxLayout()
        self.currentButtons.setObjectName(u"currentButtons")
        self.endAllocationButton = QPushButton(self.currentGroup)
        self.endAllocationButton.setObjectName(u"endAllocationButton")

        self.currentButtons.addWidget(self.endAllocationButton)

        self.replaceMentorButton = QPushButton(self.currentGroup)
        self.replaceMentorButton.setObjectName(u"replaceMentorButton")

        self.currentButtons.addWidget(self.replaceMentorButton)

        self.currentButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.currentButtons.addItem(self.currentButtonsSpacer)


        self.currentLayout.addLayout(self.currentButtons)


        self.paneLayout.addWidget(self.currentGroup)

        self.suggestedGroup = QGroupBox(allocationPane)
        self.suggestedGroup.setObjectName(u"suggestedGroup")
        self.suggestedLayout = QVBoxLayout(self.suggestedGroup)
        self.suggestedLayout.setObjectName(u"suggestedLayout")
        self.allocationSuggestions = QTableView(self.suggestedGroup)
        self.allocationSuggestions.setObjectName(u"allocationSuggestions")
        self.allocationSuggestions.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.allocationSuggestions.setSelectionMode(QAbstractItemView.MultiSelection)
        self.allocationSuggestions.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.allocationSuggestions.setSortingEnabled(False)
        self.allocationSuggestions.setWordWrap(False)
        self.allocationSuggestions.horizontalHeader().setStretchLastSection(True)
        self.allocationSuggestions.verticalHeader().setVisible(False)

        self.suggestedLayout.addWidget(self.allocationSuggestions)

        self.allocateRow = QHBoxLayout()
        self.allocateRow.setObjectName(u"allocateRow")
        self.suggestedPair = QLabel(self.suggestedGroup)
        self.suggestedPair.setObjectName(u"suggestedPair")
        self.suggestedPair.setWordWrap(True)

        self.allocateRow.addWidget(self.suggestedPair)

        self.allocationDateLabel = QLabel(self.suggestedGroup)
        self.allocationDateLabel.setObjectName(u"allocationDateLabel")

        self.allocateRow.addWidget(self.allocationDateLabel)

        self.allocationDate = DateEntry(self.suggestedGroup)
        self.allocationDate.setObjectName(u"allocationDate")

        self.allocateRow.addWidget(self.allocationDate)

        self.allocateButton = QPushButton(self.suggestedGroup)
        self.allocateButton.setObjectName(u"allocateButton")

        self.allocateRow.addWidget(self.allocateButton)

        self.allocateRow.setStretch(0, 1)

        self.suggestedLayout.addLayout(self.allocateRow)


        self.paneLayout.addWidget(self.suggestedGroup)

        self.waitingGroup = QGroupBox(allocationPane)
        self.waitingGroup.setObjectName(u"waitingGroup")
        self.waitingLayout = QVBoxLayout(self.waitingGroup)
        self.waitingLayout.setObjectName(u"waitingLayout")
        self.waitingLists = QTabWidget(self.waitingGroup)
        self.waitingLists.setObjectName(u"waitingLists")
        self.clientsWaitingPage = QWidget()
        self.clientsWaitingPage.setObjectName(u"clientsWaitingPage")
        self.clientsWaitingPageLayout = QVBoxLayout(self.clientsWaitingPage)
        self.clientsWaitingPageLayout.setObjectName(u"clientsWaitingPageLayout")
        self.clientsWaitingPageLayout.setContentsMargins(0, 0, 0, 0)
        self.clientsWaiting = QTableView(self.clientsWaitingPage)
        self.clientsWaiting.setObjectName(u"clientsWaiting")
        self.clientsWaiting.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.clientsWaiting.setSelectionMode(QAbstractItemView.SingleSelection)
        self.clientsWaiting.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.clientsWaiting.setSortingEnabled(True)
        self.clientsWaiting.setWordWrap(False)
        self.clientsWaiting.horizontalHeader().setStretchLastSection(False)
        self.clientsWaiting.verticalHeader().setVisible(False)

        self.clientsWaitingPageLayout.addWidget(self.clientsWaiting)

        self.waitingLists.addTab(self.clientsWaitingPage, "")
        self.mentorsNeverAllocatedPage = QWidget()
        self.mentorsNeverAllocatedPage.setObjectName(u"mentorsNeverAllocatedPage")
        self.mentorsNeverAllocatedPageLayout = QVBoxLayout(self.mentorsNeverAllocatedPage)
        self.mentorsNeverAllocatedPageLayout.setObjectName(u"mentorsNeverAllocatedPageLayout")
        self.mentorsNeverAllocatedPageLayout.setContentsMargins(0, 0, 0, 0)
        self.mentorsNeverAllocated = QTableView(self.mentorsNeverAllocatedPage)
        self.mentorsNeverAllocated.setObjectName(u"mentorsNeverAllocated")
        self.mentorsNeverAllocated.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.mentorsNeverAllocated.setSelectionMode(QAbstractItemView.SingleSelection)
        self.mentorsNeverAllocated.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.mentorsNeverAllocated.setSortingEnabled(True)
        self.mentorsNeverAllocated.setWordWrap(False)
        self.mentorsNeverAllocated.horizontalHeader().setStretchLastSection(False)
        self.mentorsNeverAllocated.verticalHeader().setVisible(False)

        self.mentorsNeverAllocatedPageLayout.addWidget(self.mentorsNeverAllocated)

        self.waitingLists.addTab(self.mentorsNeverAllocatedPage, "")
        self.progressChecksOverduePage = QWidget()
        self.progressChecksOverduePage.setObjectName(u"progressChecksOverduePage")
        self.progressChecksOverduePageLayout = QVBoxLayout(self.progressChecksOverduePage)
        self.progressChecksOverduePageLayout.setObjectName(u"progressChecksOverduePageLayout")
        self.progressChecksOverduePageLayout.setContentsMargins(0, 0, 0, 0)
        self.progressChecksOverdue = QTableView(self.progressChecksOverduePage)
        self.progressChecksOverdue.setObjectName(u"progressChecksOverdue")
        self.progressChecksOverdue.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.progressChecksOverdue.setSelectionMode(QAbstractItemView.SingleSelection)
        self.progressChecksOverdue.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.progressChecksOverdue.setSortingEnabled(True)
        self.progressChecksOverdue.setWordWrap(False)
        self.progressChecksOverdue.horizontalHeader().setStretchLastSection(False)
        self.progressChecksOverdue.verticalHeader().setVisible(False)

        self.progressChecksOverduePageLayout.addWidget(self.progressChecksOverdue)

        self.waitingLists.addTab(self.progressChecksOverduePage, "")

        self.waitingLayout.addWidget(self.waitingLists)

        self.registerRow = QHBoxLayout()
        self.registerRow.setObjectName(u"registerRow")
        self.mentorRegisterButton = QPushButton(self.waitingGroup)
        self.mentorRegisterButton.setObjectName(u"mentorRegisterButton")

        self.registerRow.addWidget(self.mentorRegisterButton)

        self.registerRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.registerRow.addItem(self.registerRowSpacer)


        self.waitingLayout.addLayout(self.registerRow)


        self.paneLayout.addWidget(self.waitingGroup)

        self.paneLayout.setStretch(0, 2)
        self.paneLayout.setStretch(1, 3)
        self.paneLayout.setStretch(2, 2)
#if QT_CONFIG(shortcut)
        self.allocationDateLabel.setBuddy(self.allocationDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.allocatedMentors, self.endAllocationButton)
        QWidget.setTabOrder(self.endAllocationButton, self.replaceMentorButton)
        QWidget.setTabOrder(self.replaceMentorButton, self.allocationSuggestions)
        QWidget.setTabOrder(self.allocationSuggestions, self.allocationDate)
        QWidget.setTabOrder(self.allocationDate, self.allocateButton)
        QWidget.setTabOrder(self.allocateButton, self.waitingLists)
        QWidget.setTabOrder(self.waitingLists, self.clientsWaiting)
        QWidget.setTabOrder(self.clientsWaiting, self.mentorsNeverAllocated)
        QWidget.setTabOrder(self.mentorsNeverAllocated, self.progressChecksOverdue)
        QWidget.setTabOrder(self.progressChecksOverdue, self.mentorRegisterButton)

        self.retranslateUi(allocationPane)

        self.waitingLists.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(allocationPane)
    # setupUi

    def retranslateUi(self, allocationPane):
        self.mentorRegisterAction.setText(QCoreApplication.translate("AllocationPane", u"&Mentor register\u2026", None))
#if QT_CONFIG(shortcut)
        self.mentorRegisterAction.setShortcut(QCoreApplication.translate("AllocationPane", u"Ctrl+Shift+M", None))
#endif // QT_CONFIG(shortcut)
        self.currentGroup.setTitle(QCoreApplication.translate("AllocationPane", u"Mentors supporting this case (and earlier ones)", None))
        self.endAllocationButton.setText(QCoreApplication.translate("AllocationPane", u"&End the selected allocation\u2026", None))
        self.replaceMentorButton.setText(QCoreApplication.translate("AllocationPane", u"Re&place the selected mentor with the selected suggestion\u2026", None))
        self.suggestedGroup.setTitle(QCoreApplication.translate("AllocationPane", u"Mentors who may be allocated, best first (mentors work in pairs: choose two)", None))
        self.allocationDateLabel.setText(QCoreApplication.translate("AllocationPane", u"&Dated", None))
        self.allocateButton.setText(QCoreApplication.translate("AllocationPane", u"&Allocate the selected mentors", None))
        self.waitingGroup.setTitle(QCoreApplication.translate("AllocationPane", u"Waiting lists (Enter or double-click opens the case or the mentor)", None))
        self.waitingLists.setTabText(self.waitingLists.indexOf(self.clientsWaitingPage), "")
        self.waitingLists.setTabText(self.waitingLists.indexOf(self.mentorsNeverAllocatedPage), "")
        self.waitingLists.setTabText(self.waitingLists.indexOf(self.progressChecksOverduePage), "")
        self.mentorRegisterButton.setText(QCoreApplication.translate("AllocationPane", u"&Mentor register\u2026", None))
        pass
    # retranslateUi

