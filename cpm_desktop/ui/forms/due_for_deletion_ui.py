# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'due_for_deletion.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_DueForDeletionDialog(object):
    def setupUi(self, dueForDeletion):
        if not dueForDeletion.objectName():
            dueForDeletion.setObjectName(u"dueForDeletion")
        dueForDeletion.resize(1240, 460)
        self.dialogLayout = QVBoxLayout(dueForDeletion)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dueHint = QLabel(dueForDeletion)
        self.dueHint.setObjectName(u"dueHint")
        self.dueHint.setWordWrap(True)

        self.dialogLayout.addWidget(self.dueHint)

        self.dueList = QTreeWidget(dueForDeletion)
        self.dueList.setObjectName(u"dueList")
        self.dueList.setRootIsDecorated(False)
        self.dueList.setUniformRowHeights(True)

        self.dialogLayout.addWidget(self.dueList)

        self.dueStatus = QLabel(dueForDeletion)
        self.dueStatus.setObjectName(u"dueStatus")
        self.dueStatus.setWordWrap(True)

        self.dialogLayout.addWidget(self.dueStatus)

        self.dueButtons = QHBoxLayout()
        self.dueButtons.setObjectName(u"dueButtons")
        self.tickAll = QPushButton(dueForDeletion)
        self.tickAll.setObjectName(u"tickAll")
        self.tickAll.setAutoDefault(False)

        self.dueButtons.addWidget(self.tickAll)

        self.placeHold = QPushButton(dueForDeletion)
        self.placeHold.setObjectName(u"placeHold")
        self.placeHold.setAutoDefault(False)

        self.dueButtons.addWidget(self.placeHold)

        self.dueButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueButtons.addItem(self.dueButtonsSpacer)

        self.eraseTicked = QPushButton(dueForDeletion)
        self.eraseTicked.setObjectName(u"eraseTicked")
        self.eraseTicked.setAutoDefault(False)

        self.dueButtons.addWidget(self.eraseTicked)

        self.closeButton = QPushButton(dueForDeletion)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.dueButtons.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.dueButtons)

        QWidget.setTabOrder(self.dueList, self.tickAll)
        QWidget.setTabOrder(self.tickAll, self.placeHold)
        QWidget.setTabOrder(self.placeHold, self.eraseTicked)
        QWidget.setTabOrder(self.eraseTicked, self.closeButton)

        self.retranslateUi(dueForDeletion)

        QMetaObject.connectSlotsByName(dueForDeletion)
    # setupUi

    def retranslateUi(self, dueForDeletion):
        dueForDeletion.setWindowTitle(QCoreApplication.translate("DueForDeletionDialog", u"Due for deletion", None))
        self.dueHint.setText(QCoreApplication.translate("DueForDeletionDialog", u"What the retention rules (Settings \u25b8 Retention rules) make due for deletion today. Tick what to erase: it is erased from this store, with its history, notes and audit trail, and from every laptop at their next sync. Erasing cannot be undone.", None))
        ___qtreewidgetitem = self.dueList.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("DueForDeletionDialog", u"Kept because", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("DueForDeletionDialog", u"Why", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("DueForDeletionDialog", u"What", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("DueForDeletionDialog", u"Due since", None))
        self.tickAll.setText(QCoreApplication.translate("DueForDeletionDialog", u"Tick &all that may go", None))
        self.placeHold.setText(QCoreApplication.translate("DueForDeletionDialog", u"&Keep under a legal hold\u2026", None))
        self.eraseTicked.setText(QCoreApplication.translate("DueForDeletionDialog", u"&Erase the ticked records\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("DueForDeletionDialog", u"&Close", None))
    # retranslateUi

