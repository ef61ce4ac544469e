# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mentor_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpinBox, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_MentorFormDialog(object):
    def setupUi(self, MentorFormDialog):
        if not MentorFormDialog.objectName():
            MentorFormDialog.setObjectName(u"MentorFormDialog")
        self.dialogLayout = QVBoxLayout(MentorFormDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(MentorFormDialog)
        self.tabs.setObjectName(u"tabs")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsLayout = QHBoxLayout(self.detailsTab)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.personForm = QFormLayout()
        self.personForm.setObjectName(u"personForm")
        self.firstNameEditLabel = QLabel(self.detailsTab)
        self.firstNameEditLabel.setObjectName(u"firstNameEditLabel")

        self.personForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameEditLabel)

        self.firstNameEdit = QLineEdit(self.detailsTab)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.personForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameEditLabel = QLabel(self.detailsTab)
        self.lastNameEditLabel.setObjectName(u"lastNameEditLabel")

        self.personForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameEditLabel)

        self.lastNameEdit = QLineEdit(self.detailsTab)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.personForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.genderComboLabel = QLabel(self.detailsTab)
        self.genderComboLabel.setObjectName(u"genderComboLabel")

        self.personForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.genderComboLabel)

        self.genderCombo = QComboBox(self.detailsTab)
        self.genderCombo.setObjectName(u"genderCombo")

        self.personForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.dateOfBirthEditLabel = QLabel(self.detailsTab)
        self.dateOfBirthEditLabel.setObjectName(u"dateOfBirthEditLabel")

        self.personForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateOfBirthEditLabel)

        self.dateOfBirthEdit = DateEntry(self.detailsTab)
        self.dateOfBirthEdit.setObjectName(u"dateOfBirthEdit")

        self.personForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateOfBirthEdit)

        self.phoneEditLabel = QLabel(self.detailsTab)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.personForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(self.detailsTab)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.personForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailEditLabel = QLabel(self.detailsTab)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.personForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEdit = QLineEdit(self.detailsTab)
        self.emailEdit.setObjectName(u"emailEdit")

        self.personForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.areaComboLabel = QLabel(self.detailsTab)
        self.areaComboLabel.setObjectName(u"areaComboLabel")

        self.personForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.areaComboLabel)

        self.areaCombo = QComboBox(self.detailsTab)
        self.areaCombo.setObjectName(u"areaCombo")

        self.personForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.areaCombo)

        self.otherAreasListLabel = QLabel(self.detailsTab)
        self.otherAreasListLabel.setObjectName(u"otherAreasListLabel")

        self.personForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.otherAreasListLabel)

        self.otherAreasList = QListWidget(self.detailsTab)
        self.otherAreasList.setObjectName(u"otherAreasList")
        self.otherAreasList.setMaximumSize(QSize(16777215, 96))

        self.personForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.otherAreasList)

        self.cohortEditLabel = QLabel(self.detailsTab)
        self.cohortEditLabel.setObjectName(u"cohortEditLabel")

        self.personForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.cohortEditLabel)

        self.cohortEdit = QLineEdit(self.detailsTab)
        self.cohortEdit.setObjectName(u"cohortEdit")

        self.personForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.cohortEdit)

        self.trainingEditLabel = QLabel(self.detailsTab)
        self.trainingEditLabel.setObjectName(u"trainingEditLabel")

        self.personForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.trainingEditLabel)

        self.trainingEdit = DateEntry(self.detailsTab)
        self.trainingEdit.setObjectName(u"trainingEdit")

        self.personForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.trainingEdit)

        self.dbsEditLabel = QLabel(self.detailsTab)
        self.dbsEditLabel.setObjectName(u"dbsEditLabel")

        self.personForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.dbsEditLabel)

        self.dbsEdit = DateEntry(self.detailsTab)
        self.dbsEdit.setObjectName(u"dbsEdit")

        self.personForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.dbsEdit)

        self.safeguardingEditLabel = QLabel(self.detailsTab)
        self.safeguardingEditLabel.setObjectName(u"safeguardingEditLabel")

        self.personForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.safeguardingEditLabel)

        self.safeguardingEdit = DateEntry(self.detailsTab)
        self.safeguardingEdit.setObjectName(u"safeguardingEdit")

        self.personForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.safeguardingEdit)


        self.detailsLayout.addLayout(self.personForm)

        self.statusForm = QFormLayout()
        self.statusForm.setObjectName(u"statusForm")
        self.statusComboLabel = QLabel(self.detailsTab)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusComboLabel)

        self.statusCombo = QComboBox(self.detailsTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.statusSinceEditLabel = QLabel(self.detailsTab)
        self.statusSinceEditLabel.setObjectName(u"statusSinceEditLabel")

        self.statusForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusSinceEditLabel)

        self.statusSinceEdit = DateEntry(self.detailsTab)
        self.statusSinceEdit.setObjectName(u"statusSinceEdit")

        self.statusForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusSinceEdit)

        self.statusReasonEditLabel = QLabel(self.detailsTab)
        self.statusReasonEditLabel.setObjectName(u"statusReasonEditLabel")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusReasonEditLabel)

        self.statusReasonEdit = QLineEdit(self.detailsTab)
        self.statusReasonEdit.setObjectName(u"statusReasonEdit")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusReasonEdit)

        self.leftReasonComboLabel = QLabel(self.detailsTab)
        self.leftReasonComboLabel.setObjectName(u"leftReasonComboLabel")

        self.statusForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.leftReasonComboLabel)

        self.leftReasonCombo = QComboBox(self.detailsTab)
        self.leftReasonCombo.setObjectName(u"leftReasonCombo")

        self.statusForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.leftReasonCombo)

        self.capacitySpinLabel = QLabel(self.detailsTab)
        self.capacitySpinLabel.setObjectName(u"capacitySpinLabel")

        self.statusForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capacitySpinLabel)

        self.capacitySpin = QSpinBox(self.detailsTab)
        self.capacitySpin.setObjectName(u"capacitySpin")
        self.capacitySpin.setMinimum(1)
        self.capacitySpin.setMaximum(10)
        self.capacitySpin.setValue(2)

        self.statusForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capacitySpin)

        self.availabilityEditLabel = QLabel(self.detailsTab)
        self.availabilityEditLabel.setObjectName(u"availabilityEditLabel")

        self.statusForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.availabilityEditLabel)

        self.availabilityEdit = QLineEdit(self.detailsTab)
        self.availabilityEdit.setObjectName(u"availabilityEdit")

        self.statusForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.availabilityEdit)

        self.formerClientCheck = QCheckBox(self.detailsTab)
        self.formerClientCheck.setObjectName(u"formerClientCheck")

        self.statusForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.formerClientCheck)

        self.livedExperienceListLabel = QLabel(self.detailsTab)
        self.livedExperienceListLabel.setObjectName(u"livedExperienceListLabel")

        self.statusForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.livedExperienceListLabel)

        self.livedExperienceList = QListWidget(self.detailsTab)
        self.livedExperienceList.setObjectName(u"livedExperienceList")
        self.livedExperienceList.setMaximumSize(QSize(16777215, 16777215))

        self.statusForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.livedExperienceList)

        self.eligibilityLabel = QLabel(self.detailsTab)
        self.eligibilityLabel.setObjectName(u"eligibilityLabel")
        self.eligibilityLabel.setWordWrap(True)

        self.statusForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.eligibilityLabel)


        self.detailsLayout.addLayout(self.statusForm)

        self.tabs.addTab(self.detailsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.statusHistoryLabel = QLabel(self.historyTab)
        self.statusHistoryLabel.setObjectName(u"statusHistoryLabel")

        self.historyLayout.addWidget(self.statusHistoryLabel)

        self.statusHistoryView = QTableView(self.historyTab)
        self.statusHistoryView.setObjectName(u"statusHistoryView")
        self.statusHistoryView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.statusHistoryView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.statusHistoryView.setSelectionMode(QAbstractItemView.SingleSelection)

        self.historyLayout.addWidget(self.statusHistoryView)

        self.progressChecksLabel = QLabel(self.historyTab)
        self.progressChecksLabel.setObjectName(u"progressChecksLabel")

        self.historyLayout.addWidget(self.progressChecksLabel)

        self.progressChecksView = QTableView(self.historyTab)
        self.progressChecksView.setObjectName(u"progressChecksView")
        self.progressChecksView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.progressChecksView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.progressChecksView.setSelectionMode(QAbstractItemView.SingleSelection)

        self.historyLayout.addWidget(self.progressChecksView)

        self.checkForm = QFormLayout()
        self.checkForm.setObjectName(u"checkForm")
        self.checkDateEditLabel = QLabel(self.historyTab)
        self.checkDateEditLabel.setObjectName(u"checkDateEditLabel")

        self.checkForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.checkDateEditLabel)

        self.checkDateEdit = DateEntry(self.historyTab)
        self.checkDateEdit.setObjectName(u"checkDateEdit")

        self.checkForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.checkDateEdit)

        self.checkByEditLabel = QLabel(self.historyTab)
        self.checkByEditLabel.setObjectName(u"checkByEditLabel")

        self.checkForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.checkByEditLabel)

        self.checkByEdit = QLineEdit(self.historyTab)
        self.checkByEdit.setObjectName(u"checkByEdit")

        self.checkForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.checkByEdit)

        self.checkNotesEditLabel = QLabel(self.historyTab)
        self.checkNotesEditLabel.setObjectName(u"checkNotesEditLabel")

        self.checkForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.checkNotesEditLabel)

        self.checkNotesEdit = QPlainTextEdit(self.historyTab)
        self.checkNotesEdit.setObjectName(u"checkNotesEdit")
        self.checkNotesEdit.setTabChangesFocus(True)
        self.checkNotesEdit.setMaximumSize(QSize(16777215, 70))

        self.checkForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.checkNotesEdit)

        self.addCheckButton = QPushButton(self.historyTab)
        self.addCheckButton.setObjectName(u"addCheckButton")

        self.checkForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addCheckButton)


        self.historyLayout.addLayout(self.checkForm)

        self.tabs.addTab(self.historyTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(MentorFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameEditLabel.setBuddy(self.firstNameEdit)
        self.lastNameEditLabel.setBuddy(self.lastNameEdit)
        self.genderComboLabel.setBuddy(self.genderCombo)
        self.dateOfBirthEditLabel.setBuddy(self.dateOfBirthEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.areaComboLabel.setBuddy(self.areaCombo)
        self.otherAreasListLabel.setBuddy(self.otherAreasList)
        self.cohortEditLabel.setBuddy(self.cohortEdit)
        self.trainingEditLabel.setBuddy(self.trainingEdit)
        self.dbsEditLabel.setBuddy(self.dbsEdit)
        self.safeguardingEditLabel.setBuddy(self.safeguardingEdit)
        self.statusComboLabel.setBuddy(self.statusCombo)
        self.statusSinceEditLabel.setBuddy(self.statusSinceEdit)
        self.statusReasonEditLabel.setBuddy(self.statusReasonEdit)
        self.leftReasonComboLabel.setBuddy(self.leftReasonCombo)
        self.capacitySpinLabel.setBuddy(self.capacitySpin)
        self.availabilityEditLabel.setBuddy(self.availabilityEdit)
        self.livedExperienceListLabel.setBuddy(self.livedExperienceList)
        self.statusHistoryLabel.setBuddy(self.statusHistoryView)
        self.progressChecksLabel.setBuddy(self.progressChecksView)
        self.checkDateEditLabel.setBuddy(self.checkDateEdit)
        self.checkByEditLabel.setBuddy(self.checkByEdit)
        self.checkNotesEditLabel.setBuddy(self.checkNotesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.dateOfBirthEdit)
        QWidget.setTabOrder(self.dateOfBirthEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.areaCombo)
        QWidget.setTabOrder(self.areaCombo, self.otherAreasList)
        QWidget.setTabOrder(self.otherAreasList, self.cohortEdit)
        QWidget.setTabOrder(self.cohortEdit, self.trainingEdit)
        QWidget.setTabOrder(self.trainingEdit, self.dbsEdit)
        QWidget.setTabOrder(self.dbsEdit, self.safeguardingEdit)
        QWidget.setTabOrder(self.safeguardingEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.statusSinceEdit)
        QWidget.setTabOrder(self.statusSinceEdit, self.statusReasonEdit)
        QWidget.setTabOrder(self.statusReasonEdit, self.leftReasonCombo)
        QWidget.setTabOrder(self.leftReasonCombo, self.capacitySpin)
        QWidget.setTabOrder(self.capacitySpin, self.availabilityEdit)
        QWidget.setTabOrder(self.availabilityEdit, self.formerClientCheck)
        QWidget.setTabOrder(self.formerClientCheck, self.livedExperienceList)
        QWidget.setTabOrder(self.livedExperienceList, self.statusHistoryView)
        QWidget.setTabOrder(self.statusHistoryView, self.progressChecksView)
        QWidget.setTabOrder(self.progressChecksView, self.checkDateEdit)
        QWidget.setTabOrder(self.checkDateEdit, self.checkByEdit)
        QWidget.setTabOrder(self.checkByEdit, self.checkNotesEdit)
        QWidget.setTabOrder(self.checkNotesEdit, self.addCheckButton)
        QWidget.setTabOrder(self.addCheckButton, self.buttonBox)

        self.retranslateUi(MentorFormDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MentorFormDialog)
    # setupUi

    def retranslateUi(self, MentorFormDialog):
        MentorFormDialog.setWindowTitle(QCoreApplication.translate("MentorFormDialog", u"Mentor", None))
        self.firstNameEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&First name", None))
        self.lastNameEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Last name", None))
        self.genderComboLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Gender", None))
        self.dateOfBirthEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Date of &birth", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Phone", None))
        self.emailEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Email", None))
        self.areaComboLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Area", None))
        self.otherAreasListLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Also &covers", None))
        self.cohortEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"C&ohort", None))
        self.cohortEdit.setPlaceholderText(QCoreApplication.translate("MentorFormDialog", u"e.g. Spring 2018, Darlington", None))
        self.trainingEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Training completed", None))
        self.dbsEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&DBS checked", None))
        self.safeguardingEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Safeg&uarding training", None))
        self.statusComboLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Status", None))
        self.statusSinceEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Status si&nce", None))
        self.statusReasonEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Status &reason", None))
        self.statusReasonEdit.setPlaceholderText(QCoreApplication.translate("MentorFormDialog", u"e.g. the reason for a sabbatical", None))
        self.leftReasonComboLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Reason for lea&ving", None))
        self.capacitySpinLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Most clients at once", None))
        self.availabilityEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Availabilit&y", None))
        self.availabilityEdit.setPlaceholderText(QCoreApplication.translate("MentorFormDialog", u"days and times, e.g. Mon\u2013Wed evenings", None))
        self.formerClientCheck.setText(QCoreApplication.translate("MentorFormDialog", u"&Is a former client of the scheme", None))
        self.livedExperienceListLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Lived e&xperience", None))
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("MentorFormDialog", u"Details", None))
        self.statusHistoryLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Status histor&y (latest first)", None))
        self.progressChecksLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Progress chec&ks (latest first)", None))
        self.checkDateEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"Check &on", None))
        self.checkByEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Who talked with the mentor", None))
        self.checkByEdit.setPlaceholderText(QCoreApplication.translate("MentorFormDialog", u"your name", None))
        self.checkNotesEditLabel.setText(QCoreApplication.translate("MentorFormDialog", u"&Notes", None))
        self.addCheckButton.setText(QCoreApplication.translate("MentorFormDialog", u"&Record the progress check", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("MentorFormDialog", u"&History and progress checks", None))
    # retranslateUi

