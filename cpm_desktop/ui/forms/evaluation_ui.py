# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'evaluation.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_EvaluationDialog(object):
    def setupUi(self, evaluationDialog):
        if not evaluationDialog.objectName():
            evaluationDialog.setObjectName(u"evaluationDialog")
        evaluationDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(evaluationDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.periodForm = QFormLayout()
        self.periodForm.setObjectName(u"periodForm")
        self.periodPresetLabel = QLabel(evaluationDialog)
        self.periodPresetLabel.setObjectName(u"periodPresetLabel")

        self.periodForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodPresetLabel)

        self.periodPreset = QComboBox(evaluationDialog)
        self.periodPreset.setObjectName(u"periodPreset")

        self.periodForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodPreset)

        self.dateFromLabel = QLabel(evaluationDialog)
        self.dateFromLabel.setObjectName(u"dateFromLabel")

        self.periodForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateFromLabel)

        self.dateFrom = DateEntry(evaluationDialog)
        self.dateFrom.setObjectName(u"dateFrom")

        self.periodForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateFrom)

        self.dateToLabel = QLabel(evaluationDialog)
        self.dateToLabel.setObjectName(u"dateToLabel")

        self.periodForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateToLabel)

        self.dateTo = DateEntry(evaluationDialog)
        self.dateTo.setObjectName(u"dateTo")

        self.periodForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateTo)

        self.asOfLabel = QLabel(evaluationDialog)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.periodForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.asOfLabel)

        self.asOf = DateEntry(evaluationDialog)
        self.asOf.setObjectName(u"asOf")

        self.periodForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.asOf)

        self.areaChoiceLabel = QLabel(evaluationDialog)
        self.areaChoiceLabel.setObjectName(u"areaChoiceLabel")

        self.periodForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.areaChoiceLabel)

        self.areaChoice = QComboBox(evaluationDialog)
        self.areaChoice.setObjectName(u"areaChoice")

        self.periodForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.areaChoice)

        self.costPerHourLabel = QLabel(evaluationDialog)
        self.costPerHourLabel.setObjectName(u"costPerHourLabel")

        self.periodForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.costPerHourLabel)

        self.costPerHour = QDoubleSpinBox(evaluationDialog)
        self.costPerHour.setObjectName(u"costPerHour")
        self.costPerHour.setDecimals(2)
        self.costPerHour.setMaximum(1000.000000000000000)
        self.costPerHour.setValue(25.000000000000000)

        self.periodForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.costPerHour)

        self.hoursPerCallLabel = QLabel(evaluationDialog)
        self.hoursPerCallLabel.setObjectName(u"hoursPerCallLabel")

        self.periodForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.hoursPerCallLabel)

        self.hoursPerCall = QDoubleSpinBox(evaluationDialog)
        self.hoursPerCall.setObjectName(u"hoursPerCall")
        self.hoursPerCall.setDecimals(2)
        self.hoursPerCall.setMaximum(100.000000000000000)
        self.hoursPerCall.setSingleStep(0.250000000000000)
        self.hoursPerCall.setValue(1.000000000000000)

        self.periodForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.hoursPerCall)

        self.leadNoteLabel = QLabel(evaluationDialog)
        self.leadNoteLabel.setObjectName(u"leadNoteLabel")

        self.periodForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.leadNoteLabel)

        self.leadNote = QPlainTextEdit(evaluationDialog)
        self.leadNote.setObjectName(u"leadNote")
        self.leadNote.setMinimumSize(QSize(0, 90))
        self.leadNote.setTabChangesFocus(True)

        self.periodForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.leadNote)

        self.leadNoteHint = QLabel(evaluationDialog)
        self.leadNoteHint.setObjectName(u"leadNoteHint")
        self.leadNoteHint.setWordWrap(True)

        self.periodForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.leadNoteHint)


        self.dialogLayout.addLayout(self.periodForm)

        self.buttonBox = QDialogButtonBox(evaluationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.periodPresetLabel.setBuddy(self.periodPreset)
        self.dateFromLabel.setBuddy(self.dateFrom)
        self.dateToLabel.setBuddy(self.dateTo)
        self.asOfLabel.setBuddy(self.asOf)
        self.areaChoiceLabel.setBuddy(self.areaChoice)
        self.costPerHourLabel.setBuddy(self.costPerHour)
        self.hoursPerCallLabel.setBuddy(self.hoursPerCall)
        self.leadNoteLabel.setBuddy(self.leadNote)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.periodPreset, self.dateFrom)
        QWidget.setTabOrder(self.dateFrom, self.dateTo)
        QWidget.setTabOrder(self.dateTo, self.asOf)
        QWidget.setTabOrder(self.asOf, self.areaChoice)
        QWidget.setTabOrder(self.areaChoice, self.costPerHour)
        QWidget.setTabOrder(self.costPerHour, self.hoursPerCall)
        QWidget.setTabOrder(self.hoursPerCall, self.leadNote)
        QWidget.setTabOrder(self.leadNote, self.buttonBox)

        self.retranslateUi(evaluationDialog)

        QMetaObject.connectSlotsByName(evaluationDialog)
    # setupUi

    def retranslateUi(self, evaluationDialog):
        evaluationDialog.setWindowTitle(QCoreApplication.translate("EvaluationDialog", u"Evaluation summary", None))
        self.periodPresetLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&Period", None))
        self.dateFromLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&From", None))
        self.dateToLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&To", None))
        self.asOfLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&As at", None))
        self.areaChoiceLabel.setText(QCoreApplication.translate("EvaluationDialog", u"A&rea", None))
        self.costPerHourLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&Cost of a police staff hour", None))
        self.costPerHour.setPrefix(QCoreApplication.translate("EvaluationDialog", u"\u00a3", None))
        self.hoursPerCallLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&Hours per call to the police", None))
        self.leadNoteLabel.setText(QCoreApplication.translate("EvaluationDialog", u"Paragraph for page &one", None))
        self.leadNote.setPlaceholderText(QCoreApplication.translate("EvaluationDialog", u"Your own words for page one, kept for this period and area. Leave empty to print none.", None))
    # retranslateUi

