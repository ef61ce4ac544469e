# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_log.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_ContactLog(object):
    def setupUi(self, ContactLog):
        if not ContactLog.objectName():
            ContactLog.setObjectName(u"ContactLog")
        self.paneLayout = QVBoxLayout(ContactLog)
        self.paneLayout.setObjectName(u"paneLayout")
        self.entryBox = QGroupBox(ContactLog)
        self.entryBox.setObjectName(u"entryBox")

        self.paneLayout.addWidget(self.entryBox)

        self.logSplitter = QSplitter(ContactLog)
        self.logSplitter.setObjectName(u"logSplitter")
        self.logSplitter.setOrientation(Qt.Horizontal)
        self.logSplitter.setChildrenCollapsible(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.logSplitter.sizePolicy().hasHeightForWidth())
        self.logSplitter.setSizePolicy(sizePolicy)
        self.logSide = QWidget(self.logSplitter)
        self.logSide.setObjectName(u"logSide")
        self.logLayout = QVBoxLayout(self.logSide)
        self.logLayout.setObjectName(u"logLayout")
        self.logLayout.setContentsMargins(0, 0, 0, 0)
        self.logTools = QHBoxLayout()
        self.logTools.setObjectName(u"logTools")
        self.filterLabel = QLabel(self.logSide)
        self.filterLabel.setObjectName(u"filterLabel")

        self.logTools.addWidget(self.filterLabel)

        self.contactFilter = QComboBox(self.logSide)
        self.contactFilter.setObjectName(u"contactFilter")
        self.contactFilter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.contactFilter.setMinimumContentsLength(24)

        self.logTools.addWidget(self.contactFilter)

        self.toolsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logTools.addItem(self.toolsSpacer)

        self.editContactButton = QPushButton(self.logSide)
        self.editContactButton.setObjectName(u"editContactButton")

        self.logTools.addWidget(self.editContactButton)

        self.deleteContactButton = QPushButton(self.logSide)
        self.deleteContactButton.setObjectName(u"deleteContactButton")

        self.logTools.addWidget(self.deleteContactButton)


        self.logLayout.addLayout(self.logTools)

        self.contactList = QTableView(self.logSide)
        self.contactList.setObjectName(u"contactList")
        sizePolicy.setHeightForWidth(self.contactList.sizePolicy().hasHeightForWidth())
        self.contactList.setSizePolicy(sizePolicy)
        self.contactList.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.contactList.setSelectionMode(QAbstractItemView.SingleSelection)
        self.contactList.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.contactList.setTextElideMode(Qt.ElideRight)
        self.contactList.setSortingEnabled(True)
        self.contactList.setWordWrap(False)
        self.contactList.horizontalHeader().setStretchLastSection(True)
        self.contactList.verticalHeader().setVisible(False)
        self.contactList.verticalHeader().setDefaultSectionSize(22)

        self.logLayout.addWidget(self.contactList)

        self.contactDetail = QLabel(self.logSide)
        self.contactDetail.setObjectName(u"contactDetail")
        self.contactDetail.setMaximumSize(QSize(16777215, 80))
        self.contactDetail.setWordWrap(True)
        self.contactDetail.setTextFormat(Qt.PlainText)
        self.contactDetail.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.logLayout.addWidget(self.contactDetail)

        self.contactTotals = QLabel(self.logSide)
        self.contactTotals.setObjectName(u"contactTotals")
        self.contactTotals.setWordWrap(True)

        self.logLayout.addWidget(self.contactTotals)

        self.logSplitter.addWidget(self.logSide)

        self.paneLayout.addWidget(self.logSplitter)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.contactFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.contactFilter, self.editContactButton)
        QWidget.setTabOrder(self.editContactButton, self.deleteContactButton)
        QWidget.setTabOrder(self.deleteContactButton, self.contactList)

        self.retranslateUi(ContactLog)

        QMetaObject.connectSlotsByName(ContactLog)
    # setupUi

    def retranslateUi(self, ContactLog):
        self.filterLabel.setText(QCoreApplication.translate("ContactLog", u"Show &kind", None))
        self.editContactButton.setText(QCoreApplication.translate("ContactLog", u"Corr&ect\u2026", None))
        self.deleteContactButton.setText(QCoreApplication.translate("ContactLog", u"&Delete\u2026", None))
        pass
    # retranslateUi

