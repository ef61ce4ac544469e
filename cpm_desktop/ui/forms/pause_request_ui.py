# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pause_request.ui'
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
    QFormLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_PauseDialog(object):
    def setupUi(self, pauseDialog):
        if not pauseDialog.objectName():
            pauseDialog.setObjectName(u"pauseDialog")
        self.dialogLayout = QVBoxLayout(pauseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.pauseHint = QLabel(pauseDialog)
        self.pauseHint.setObjectName(u"pauseHint")
        self.pauseHint.setWordWrap(True)

        self.dialogLayout.addWidget(self.pauseHint)

        self.pauseForm = QFormLayout()
        self.pauseForm.setObjectName(u"pauseForm")
        self.pauseForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.pauseAskedLabel = QLabel(pauseDialog)
        self.pauseAskedLabel.setObjectName(u"pauseAskedLabel")

        self.pauseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pauseAskedLabel)

        self.pauseAsked = DateEntry(pauseDialog)
        self.pauseAsked.setObjectName(u"pauseAsked")

        self.pauseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pauseAsked)

        self.pauseAnsweredLabel = QLabel(pauseDialog)
        self.pauseAnsweredLabel.setObjectName(u"pauseAnsweredLabel")

        self.pauseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pauseAnsweredLabel)

        self.pauseAnswered = DateEntry(pauseDialog)
        self.pauseAnswered.setObjectName(u"pauseAnswered")

        self.pauseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pauseAnswered)


        self.dialogLayout.addLayout(self.pauseForm)

        self.buttonBox = QDialogButtonBox(pauseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pauseAskedLabel.setBuddy(self.pauseAsked)
        self.pauseAnsweredLabel.setBuddy(self.pauseAnswered)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pauseAsked, self.pauseAnswered)
        QWidget.setTabOrder(self.pauseAnswered, self.buttonBox)

        self.retranslateUi(pauseDialog)

        QMetaObject.connectSlotsByName(pauseDialog)
    # setupUi

    def retranslateUi(self, pauseDialog):
        pauseDialog.setWindowTitle(QCoreApplication.translate("PauseDialog", u"Pause the clock", None))
        self.pauseHint.setText(QCoreApplication.translate("PauseDialog", u"The clock stands still from the day we asked for proof of identity or clarification until the answer came.", None))
        self.pauseAskedLabel.setText(QCoreApplication.translate("PauseDialog", u"We &asked for identity or clarification on", None))
        self.pauseAnsweredLabel.setText(QCoreApplication.translate("PauseDialog", u"The a&nswer came on", None))
    # retranslateUi

