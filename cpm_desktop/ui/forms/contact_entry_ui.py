# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_entry.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpinBox, QWidget)

from cpm_desktop.ui.widgets.date_entry import DateTimeEntry

class Ui_ContactEntry(object):
    def setupUi(self, ContactEntry):
        if not ContactEntry.objectName():
            ContactEntry.setObjectName(u"ContactEntry")
        self.entryLayout = QHBoxLayout(ContactEntry)
        self.entryLayout.setObjectName(u"entryLayout")
        self.activityLabel = QLabel(ContactEntry)
        self.activityLabel.setObjectName(u"activityLabel")

        self.entryLayout.addWidget(self.activityLabel)

        self.contactActivity = QComboBox(ContactEntry)
        self.contactActivity.setObjectName(u"contactActivity")
        self.contactActivity.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.contactActivity.setMinimumContentsLength(20)

        self.entryLayout.addWidget(self.contactActivity)

        self.minutesLabel = QLabel(ContactEntry)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.entryLayout.addWidget(self.minutesLabel)

        self.contactMinutes = QSpinBox(ContactEntry)
        self.contactMinutes.setObjectName(u"contactMinutes")
        self.contactMinutes.setMaximum(1440)
        self.contactMinutes.setSingleStep(5)

        self.entryLayout.addWidget(self.contactMinutes)

        self.whoLabel = QLabel(ContactEntry)
        self.whoLabel.setObjectName(u"whoLabel")

        self.entryLayout.addWidget(self.whoLabel)

        self.contactWho = QComboBox(ContactEntry)
        self.contactWho.setObjectName(u"contactWho")
        self.contactWho.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.contactWho.setMinimumContentsLength(16)

        self.entryLayout.addWidget(self.contactWho)

        self.notesLabel = QLabel(ContactEntry)
        self.notesLabel.setObjectName(u"notesLabel")

        self.entryLayout.addWidget(self.notesLabel)

        self.contactNotes = QLineEdit(ContactEntry)
        self.contactNotes.setObjectName(u"contactNotes")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.contactNotes.sizePolicy().hasHeightForWidth())
        self.contactNotes.setSizePolicy(sizePolicy)

        self.entryLayout.addWidget(self.contactNotes)

        self.whenLabel = QLabel(ContactEntry)
        self.whenLabel.setObjectName(u"whenLabel")

        self.entryLayout.addWidget(self.whenLabel)

        self.contactWhen = DateTimeEntry(ContactEntry)
        self.contactWhen.setObjectName(u"contactWhen")

        self.entryLayout.addWidget(self.contactWhen)

        self.addContactButton = QPushButton(ContactEntry)
        self.addContactButton.setObjectName(u"addContactButton")

        self.entryLayout.addWidget(self.addContactButton)

#if QT_CONFIG(shortcut)
        self.activityLabel.setBuddy(self.contactActivity)
        self.minutesLabel.setBuddy(self.contactMinutes)
        self.whoLabel.setBuddy(self.contactWho)
        self.notesLabel.setBuddy(self.contactNotes)
        self.whenLabel.setBuddy(self.contactWhen)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.contactActivity, self.contactMinutes)
        QWidget.setTabOrder(self.contactMinutes, self.contactWho)
        QWidget.setTabOrder(self.contactWho, self.contactNotes)
        QWidget.setTabOrder(self.contactNotes, self.contactWhen)
        QWidget.setTabOrder(self.contactWhen, self.addContactButton)

        self.retranslateUi(ContactEntry)

        QMetaObject.connectSlotsByName(ContactEntry)
    # setupUi

    def retranslateUi(self, ContactEntry):
        ContactEntry.setTitle(QCoreApplication.translate("ContactEntry", u"Log a contact (Enter in any field saves; the time is now unless you change it; Ctrl+Shift+L comes back here)", None))
        self.activityLabel.setText(QCoreApplication.translate("ContactEntry", u"&Activity", None))
#if QT_CONFIG(tooltip)
        self.contactActivity.setToolTip(QCoreApplication.translate("ContactEntry", u"Type the first letters of the activity to choose it", None))
#endif // QT_CONFIG(tooltip)
        self.minutesLabel.setText(QCoreApplication.translate("ContactEntry", u"&Minutes", None))
        self.contactMinutes.setSpecialValueText(QCoreApplication.translate("ContactEntry", u"not known", None))
        self.contactMinutes.setSuffix(QCoreApplication.translate("ContactEntry", u" min", None))
        self.whoLabel.setText(QCoreApplication.translate("ContactEntry", u"B&y", None))
#if QT_CONFIG(tooltip)
        self.contactWho.setToolTip(QCoreApplication.translate("ContactEntry", u"The case's mentors, or the member of staff logged in", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("ContactEntry", u"&Notes", None))
        self.contactNotes.setPlaceholderText(QCoreApplication.translate("ContactEntry", u"What happened \u2014 Enter saves", None))
        self.whenLabel.setText(QCoreApplication.translate("ContactEntry", u"&When", None))
#if QT_CONFIG(tooltip)
        self.contactWhen.setToolTip(QCoreApplication.translate("ContactEntry", u"When the contact happened (now, unless you change it): 14:30 for today, or 12/03/2024 14:30", None))
#endif // QT_CONFIG(tooltip)
        self.addContactButton.setText(QCoreApplication.translate("ContactEntry", u"Log contact", None))
    # retranslateUi

