# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'risk_assessment.ui'
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
    QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QPlainTextEdit, QSizePolicy, QTableWidgetItem, QVBoxLayout,
    QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry
from cpm_desktop.ui.widgets.row_table import RowTable

class Ui_AssessmentDialog(object):
    def setupUi(self, AssessmentDialog):
        if not AssessmentDialog.objectName():
            AssessmentDialog.setObjectName(u"AssessmentDialog")
        AssessmentDialog.setMinimumSize(QSize(760, 0))
        self.dialogLayout = QVBoxLayout(AssessmentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.answersForm = QFormLayout()
        self.answersForm.setObjectName(u"answersForm")
        self.answersForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.assessedOnLabel = QLabel(AssessmentDialog)
        self.assessedOnLabel.setObjectName(u"assessedOnLabel")

        self.answersForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.assessedOnLabel)

        self.assessedOn = DateEntry(AssessmentDialog)
        self.assessedOn.setObjectName(u"assessedOn")

        self.answersForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.assessedOn)

        self.dangerLabel = QLabel(AssessmentDialog)
        self.dangerLabel.setObjectName(u"dangerLabel")

        self.answersForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dangerLabel)

        self.dangerCombo = QComboBox(AssessmentDialog)
        self.dangerCombo.setObjectName(u"dangerCombo")

        self.answersForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dangerCombo)

        self.willLabel = QLabel(AssessmentDialog)
        self.willLabel.setObjectName(u"willLabel")

        self.answersForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.willLabel)

        self.willCombo = QComboBox(AssessmentDialog)
        self.willCombo.setObjectName(u"willCombo")

        self.answersForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.willCombo)

        self.wantLabel = QLabel(AssessmentDialog)
        self.wantLabel.setObjectName(u"wantLabel")

        self.answersForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.wantLabel)

        self.wantCombo = QComboBox(AssessmentDialog)
        self.wantCombo.setObjectName(u"wantCombo")

        self.answersForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.wantCombo)

        self.capacityLabel = QLabel(AssessmentDialog)
        self.capacityLabel.setObjectName(u"capacityLabel")

        self.answersForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capacityLabel)

        self.capacityCombo = QComboBox(AssessmentDialog)
        self.capacityCombo.setObjectName(u"capacityCombo")

        self.answersForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capacityCombo)


        self.dialogLayout.addLayout(self.answersForm)

        self.checksLabel = QLabel(AssessmentDialog)
        self.checksLabel.setObjectName(u"checksLabel")

        self.dialogLayout.addWidget(self.checksLabel)

        self.checksTable = RowTable(AssessmentDialog)
        if (self.checksTable.columnCount() < 2):
            self.checksTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.checksTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.checksTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.checksTable.setObjectName(u"checksTable")
        self.checksTable.setMinimumSize(QSize(0, 110))

        self.dialogLayout.addWidget(self.checksTable)

        self.professionalsLabel = QLabel(AssessmentDialog)
        self.professionalsLabel.setObjectName(u"professionalsLabel")

        self.dialogLayout.addWidget(self.professionalsLabel)

        self.professionalsTable = RowTable(AssessmentDialog)
        if (self.professionalsTable.columnCount() < 4):
            self.professionalsTable.setColumnCount(4)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.professionalsTable.setHorizontalHeaderItem(0, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.professionalsTable.setHorizontalHeaderItem(1, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.professionalsTable.setHorizontalHeaderItem(2, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.professionalsTable.setHorizontalHeaderItem(3, __qtablewidgetitem5)
        self.professionalsTable.setObjectName(u"professionalsTable")
        self.professionalsTable.setMinimumSize(QSize(0, 110))

        self.dialogLayout.addWidget(self.professionalsTable)

        self.notesLabel = QLabel(AssessmentDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.dialogLayout.addWidget(self.notesLabel)

        self.assessmentNotes = QPlainTextEdit(AssessmentDialog)
        self.assessmentNotes.setObjectName(u"assessmentNotes")
        self.assessmentNotes.setTabChangesFocus(True)
        self.assessmentNotes.setMinimumSize(QSize(0, 60))

        self.dialogLayout.addWidget(self.assessmentNotes)

        self.buttonBox = QDialogButtonBox(AssessmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.assessedOnLabel.setBuddy(self.assessedOn)
        self.dangerLabel.setBuddy(self.dangerCombo)
        self.willLabel.setBuddy(self.willCombo)
        self.wantLabel.setBuddy(self.wantCombo)
        self.capacityLabel.setBuddy(self.capacityCombo)
        self.checksLabel.setBuddy(self.checksTable)
        self.professionalsLabel.setBuddy(self.professionalsTable)
        self.notesLabel.setBuddy(self.assessmentNotes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.assessedOn, self.dangerCombo)
        QWidget.setTabOrder(self.dangerCombo, self.willCombo)
        QWidget.setTabOrder(self.willCombo, self.wantCombo)
        QWidget.setTabOrder(self.wantCombo, self.capacityCombo)
        QWidget.setTabOrder(self.capacityCombo, self.checksTable)
        QWidget.setTabOrder(self.checksTable, self.professionalsTable)
        QWidget.setTabOrder(self.professionalsTable, self.assessmentNotes)
        QWidget.setTabOrder(self.assessmentNotes, self.buttonBox)

        self.retranslateUi(AssessmentDialog)

        QMetaObject.connectSlotsByName(AssessmentDialog)
    # setupUi

    def retranslateUi(self, AssessmentDialog):
        AssessmentDialog.setWindowTitle(QCoreApplication.translate("AssessmentDialog", u"Risk assessment", None))
        self.assessedOnLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Assessed &on", None))
        self.dangerLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Danger to staff or volunteers", None))
        self.willLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Will to change", None))
        self.wantLabel.setText(QCoreApplication.translate("AssessmentDialog", u"W&ant to change", None))
        self.capacityLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Capacity to change", None))
        self.checksLabel.setText(QCoreApplication.translate("AssessmentDialog", u"C&hecks made: one row per system or database checked (Tab moves on; a row left empty is ignored)", None))
        ___qtablewidgetitem = self.checksTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("AssessmentDialog", u"System or database checked", None))
        ___qtablewidgetitem1 = self.checksTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("AssessmentDialog", u"Findings", None))
        self.professionalsLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Professionals consulted: one row per person (a date left empty is the assessment's)", None))
        ___qtablewidgetitem2 = self.professionalsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("AssessmentDialog", u"Name", None))
        ___qtablewidgetitem3 = self.professionalsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("AssessmentDialog", u"Organisation", None))
        ___qtablewidgetitem4 = self.professionalsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("AssessmentDialog", u"What they advised", None))
        ___qtablewidgetitem5 = self.professionalsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("AssessmentDialog", u"Date", None))
        self.notesLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Notes", None))
    # retranslateUi

