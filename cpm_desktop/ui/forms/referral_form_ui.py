# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referral_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

from cpm_desktop.ui.widgets.date_entry import DateEntry

class Ui_ReferralForm(object):
    def setupUi(self, ReferralForm):
        if not ReferralForm.objectName():
            ReferralForm.setObjectName(u"ReferralForm")
        ReferralForm.resize(520, 1100)
        self.formLayout = QVBoxLayout(ReferralForm)
        self.formLayout.setObjectName(u"formLayout")
        self.headingLabel = QLabel(ReferralForm)
        self.headingLabel.setObjectName(u"headingLabel")

        self.formLayout.addWidget(self.headingLabel)

        self.personBox = QGroupBox(ReferralForm)
        self.personBox.setObjectName(u"personBox")
        self.personBoxLayout = QFormLayout(self.personBox)
        self.personBoxLayout.setObjectName(u"personBoxLayout")
        self.firstNameEditLabel = QLabel(self.personBox)
        self.firstNameEditLabel.setObjectName(u"firstNameEditLabel")

        self.personBoxLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameEditLabel)

        self.firstNameEdit = QLineEdit(self.personBox)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.personBoxLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameEditLabel = QLabel(self.personBox)
        self.lastNameEditLabel.setObjectName(u"lastNameEditLabel")

        self.personBoxLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameEditLabel)

        self.lastNameEdit = QLineEdit(self.personBox)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.personBoxLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.dateOfBirthEditLabel = QLabel(self.personBox)
        self.dateOfBirthEditLabel.setObjectName(u"dateOfBirthEditLabel")

        self.personBoxLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateOfBirthEditLabel)

        self.dateOfBirthEdit = DateEntry(self.personBox)
        self.dateOfBirthEdit.setObjectName(u"dateOfBirthEdit")

        self.personBoxLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateOfBirthEdit)

        self.ageSpinLabel = QLabel(self.personBox)
        self.ageSpinLabel.setObjectName(u"ageSpinLabel")

        self.personBoxLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ageSpinLabel)

        self.ageSpin = QSpinBox(self.personBox)
        self.ageSpin.setObjectName(u"ageSpin")
        self.ageSpin.setMinimum(-1)
        self.ageSpin.setMaximum(120)
        self.ageSpin.setValue(-1)

        self.personBoxLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ageSpin)

        self.under18ReasonEditLabel = QLabel(self.personBox)
        self.under18ReasonEditLabel.setObjectName(u"under18ReasonEditLabel")

        self.personBoxLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.under18ReasonEditLabel)

        self.under18ReasonEdit = QLineEdit(self.personBox)
        self.under18ReasonEdit.setObjectName(u"under18ReasonEdit")

        self.personBoxLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.under18ReasonEdit)

        self.genderComboLabel = QLabel(self.personBox)
        self.genderComboLabel.setObjectName(u"genderComboLabel")

        self.personBoxLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.genderComboLabel)

        self.genderCombo = QComboBox(self.personBox)
        self.genderCombo.setObjectName(u"genderCombo")

        self.personBoxLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.addressEditLabel = QLabel(self.personBox)
        self.addressEditLabel.setObjectName(u"addressEditLabel")

        self.personBoxLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressEditLabel)

        self.addressEdit = QPlainTextEdit(self.personBox)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 60))

        self.personBoxLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.postcodeEditLabel = QLabel(self.personBox)
        self.postcodeEditLabel.setObjectName(u"postcodeEditLabel")

        self.personBoxLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.postcodeEditLabel)

        self.postcodeEdit = QLineEdit(self.personBox)
        self.postcodeEdit.setObjectName(u"postcodeEdit")

        self.personBoxLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.postcodeEdit)

        self.phoneEditLabel = QLabel(self.personBox)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.personBoxLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(self.personBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.personBoxLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailEditLabel = QLabel(self.personBox)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.personBoxLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEdit = QLineEdit(self.personBox)
        self.emailEdit.setObjectName(u"emailEdit")

        self.personBoxLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.areaComboLabel = QLabel(self.personBox)
        self.areaComboLabel.setObjectName(u"areaComboLabel")

        self.personBoxLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.areaComboLabel)

        self.areaCombo = QComboBox(self.personBox)
        self.areaCombo.setObjectName(u"areaCombo")

        self.personBoxLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.areaCombo)


        self.formLayout.addWidget(self.personBox)

        self.matchBox = QGroupBox(ReferralForm)
        self.matchBox.setObjectName(u"matchBox")
        self.matchLayout = QVBoxLayout(self.matchBox)
        self.matchLayout.setObjectName(u"matchLayout")
        self.matchList = QListWidget(self.matchBox)
        self.matchList.setObjectName(u"matchList")
        self.matchList.setMaximumSize(QSize(16777215, 80))

        self.matchLayout.addWidget(self.matchList)

        self.linkButton = QPushButton(self.matchBox)
        self.linkButton.setObjectName(u"linkButton")

        self.matchLayout.addWidget(self.linkButton)


        self.formLayout.addWidget(self.matchBox)

        self.referralBox = QGroupBox(ReferralForm)
        self.referralBox.setObjectName(u"referralBox")
        self.referralBoxLayout = QFormLayout(self.referralBox)
        self.referralBoxLayout.setObjectName(u"referralBoxLayout")
        self.referredOnEditLabel = QLabel(self.referralBox)
        self.referredOnEditLabel.setObjectName(u"referredOnEditLabel")

        self.referralBoxLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referredOnEditLabel)

        self.referredOnEdit = DateEntry(self.referralBox)
        self.referredOnEdit.setObjectName(u"referredOnEdit")

        self.referralBoxLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referredOnEdit)

        self.referrerOrgComboLabel = QLabel(self.referralBox)
        self.referrerOrgComboLabel.setObjectName(u"referrerOrgComboLabel")

        self.referralBoxLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referrerOrgComboLabel)

        self.referrerOrgCombo = QComboBox(self.referralBox)
        self.referrerOrgCombo.setObjectName(u"referrerOrgCombo")
        self.referrerOrgCombo.setEditable(True)
        self.referrerOrgCombo.setInsertPolicy(QComboBox.NoInsert)

        self.referralBoxLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.referrerOrgCombo)

        self.referrerNameEditLabel = QLabel(self.referralBox)
        self.referrerNameEditLabel.setObjectName(u"referrerNameEditLabel")

        self.referralBoxLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.referrerNameEditLabel)

        self.referrerNameEdit = QLineEdit(self.referralBox)
        self.referrerNameEdit.setObjectName(u"referrerNameEdit")

        self.referralBoxLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.referrerNameEdit)

        self.referrerEmailEditLabel = QLabel(self.referralBox)
        self.referrerEmailEditLabel.setObjectName(u"referrerEmailEditLabel")

        self.referralBoxLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referrerEmailEditLabel)

        self.referrerEmailEdit = QLineEdit(self.referralBox)
        self.referrerEmailEdit.setObjectName(u"referrerEmailEdit")

        self.referralBoxLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.referrerEmailEdit)

        self.referrerPhoneEditLabel = QLabel(self.referralBox)
        self.referrerPhoneEditLabel.setObjectName(u"referrerPhoneEditLabel")

        self.referralBoxLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.referrerPhoneEditLabel)

        self.referrerPhoneEdit = QLineEdit(self.referralBox)
        self.referrerPhoneEdit.setObjectName(u"referrerPhoneEdit")

        self.referralBoxLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referrerPhoneEdit)

        self.crimeReferenceEditLabel = QLabel(self.referralBox)
        self.crimeReferenceEditLabel.setObjectName(u"crimeReferenceEditLabel")

        self.referralBoxLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.crimeReferenceEditLabel)

        self.crimeReferenceEdit = QLineEdit(self.referralBox)
        self.crimeReferenceEdit.setObjectName(u"crimeReferenceEdit")

        self.referralBoxLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.crimeReferenceEdit)

        self.descriptionEditLabel = QLabel(self.referralBox)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.referralBoxLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QPlainTextEdit(self.referralBox)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.referralBoxLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.consentComboLabel = QLabel(self.referralBox)
        self.consentComboLabel.setObjectName(u"consentComboLabel")

        self.referralBoxLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.consentComboLabel)

        self.consentCombo = QComboBox(self.referralBox)
        self.consentCombo.setObjectName(u"consentCombo")

        self.referralBoxLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.consentCombo)

        self.consentOnEditLabel = QLabel(self.referralBox)
        self.consentOnEditLabel.setObjectName(u"consentOnEditLabel")

        self.referralBoxLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.consentOnEditLabel)

        self.consentOnEdit = DateEntry(self.referralBox)
        self.consentOnEdit.setObjectName(u"consentOnEdit")

        self.referralBoxLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.consentOnEdit)


        self.formLayout.addWidget(self.referralBox)

        self.needsBox = QGroupBox(ReferralForm)
        self.needsBox.setObjectName(u"needsBox")
        self.needsBoxLayout = QFormLayout(self.needsBox)
        self.needsBoxLayout.setObjectName(u"needsBoxLayout")
        self.victimCheck = QCheckBox(self.needsBox)
        self.victimCheck.setObjectName(u"victimCheck")

        self.needsBoxLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.victimCheck)

        self.victimCrimesListLabel = QLabel(self.needsBox)
        self.victimCrimesListLabel.setObjectName(u"victimCrimesListLabel")

        self.needsBoxLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.victimCrimesListLabel)

        self.victimCrimesList = QListWidget(self.needsBox)
        self.victimCrimesList.setObjectName(u"victimCrimesList")
        self.victimCrimesList.setMaximumSize(QSize(16777215, 110))

        self.needsBoxLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.victimCrimesList)

        self.perpetratorCheck = QCheckBox(self.needsBox)
        self.perpetratorCheck.setObjectName(u"perpetratorCheck")

        self.needsBoxLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.perpetratorCheck)

        self.perpetratorCrimesListLabel = QLabel(self.needsBox)
        self.perpetratorCrimesListLabel.setObjectName(u"perpetratorCrimesListLabel")

        self.needsBoxLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.perpetratorCrimesListLabel)

        self.perpetratorCrimesList = QListWidget(self.needsBox)
        self.perpetratorCrimesList.setObjectName(u"perpetratorCrimesList")
        self.perpetratorCrimesList.setMaximumSize(QSize(16777215, 110))

        self.needsBoxLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.perpetratorCrimesList)

        self.vulnerabilitiesListLabel = QLabel(self.needsBox)
        self.vulnerabilitiesListLabel.setObjectName(u"vulnerabilitiesListLabel")

        self.needsBoxLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.vulnerabilitiesListLabel)

        self.vulnerabilitiesList = QListWidget(self.needsBox)
        self.vulnerabilitiesList.setObjectName(u"vulnerabilitiesList")
        self.vulnerabilitiesList.setMaximumSize(QSize(16777215, 150))

        self.needsBoxLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.vulnerabilitiesList)


        self.formLayout.addWidget(self.needsBox)

        self.buttonBox = QDialogButtonBox(ReferralForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.formLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameEditLabel.setBuddy(self.firstNameEdit)
        self.lastNameEditLabel.setBuddy(self.lastNameEdit)
        self.dateOfBirthEditLabel.setBuddy(self.dateOfBirthEdit)
        self.ageSpinLabel.setBuddy(self.ageSpin)
        self.under18ReasonEditLabel.setBuddy(self.under18ReasonEdit)
        self.genderComboLabel.setBuddy(self.genderCombo)
        self.addressEditLabel.setBuddy(self.addressEdit)
        self.postcodeEditLabel.setBuddy(self.postcodeEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.areaComboLabel.setBuddy(self.areaCombo)
        self.referredOnEditLabel.setBuddy(self.referredOnEdit)
        self.referrerOrgComboLabel.setBuddy(self.referrerOrgCombo)
        self.referrerNameEditLabel.setBuddy(self.referrerNameEdit)
        self.referrerEmailEditLabel.setBuddy(self.referrerEmailEdit)
        self.referrerPhoneEditLabel.setBuddy(self.referrerPhoneEdit)
        self.crimeReferenceEditLabel.setBuddy(self.crimeReferenceEdit)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
        self.consentComboLabel.setBuddy(self.consentCombo)
        self.consentOnEditLabel.setBuddy(self.consentOnEdit)
        self.victimCrimesListLabel.setBuddy(self.victimCrimesList)
        self.perpetratorCrimesListLabel.setBuddy(self.perpetratorCrimesList)
        self.vulnerabilitiesListLabel.setBuddy(self.vulnerabilitiesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.dateOfBirthEdit)
        QWidget.setTabOrder(self.dateOfBirthEdit, self.ageSpin)
        QWidget.setTabOrder(self.ageSpin, self.under18ReasonEdit)
        QWidget.setTabOrder(self.under18ReasonEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.postcodeEdit)
        QWidget.setTabOrder(self.postcodeEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.areaCombo)
        QWidget.setTabOrder(self.areaCombo, self.matchList)
        QWidget.setTabOrder(self.matchList, self.linkButton)
        QWidget.setTabOrder(self.linkButton, self.referredOnEdit)
        QWidget.setTabOrder(self.referredOnEdit, self.referrerOrgCombo)
        QWidget.setTabOrder(self.referrerOrgCombo, self.referrerNameEdit)
        QWidget.setTabOrder(self.referrerNameEdit, self.referrerEmailEdit)
        QWidget.setTabOrder(self.referrerEmailEdit, self.referrerPhoneEdit)
        QWidget.setTabOrder(self.referrerPhoneEdit, self.crimeReferenceEdit)
        QWidget.setTabOrder(self.crimeReferenceEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.consentCombo)
        QWidget.setTabOrder(self.consentCombo, self.consentOnEdit)
        QWidget.setTabOrder(self.consentOnEdit, self.victimCheck)
        QWidget.setTabOrder(self.victimCheck, self.victimCrimesList)
        QWidget.setTabOrder(self.victimCrimesList, self.perpetratorCheck)
        QWidget.setTabOrder(self.perpetratorCheck, self.perpetratorCrimesList)
        QWidget.setTabOrder(self.perpetratorCrimesList, self.vulnerabilitiesList)
        QWidget.setTabOrder(self.vulnerabilitiesList, self.buttonBox)

        self.retranslateUi(ReferralForm)

        QMetaObject.connectSlotsByName(ReferralForm)
    # setupUi

    def retranslateUi(self, ReferralForm):
        self.headingLabel.setText(QCoreApplication.translate("ReferralForm", u"New referral", None))
        self.personBox.setTitle(QCoreApplication.translate("ReferralForm", u"Person", None))
        self.firstNameEditLabel.setText(QCoreApplication.translate("ReferralForm", u"F&irst name", None))
        self.lastNameEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Las&t name", None))
        self.dateOfBirthEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Date of &birth", None))
        self.ageSpinLabel.setText(QCoreApplication.translate("ReferralForm", u"Age (if no date of birth)", None))
        self.ageSpin.setSpecialValueText(QCoreApplication.translate("ReferralForm", u"unknown", None))
        self.under18ReasonEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Reason, as under 18", None))
        self.under18ReasonEdit.setPlaceholderText(QCoreApplication.translate("ReferralForm", u"The scheme normally supports people aged 18 or over", None))
        self.genderComboLabel.setText(QCoreApplication.translate("ReferralForm", u"Gender", None))
        self.addressEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Address", None))
        self.postcodeEditLabel.setText(QCoreApplication.translate("ReferralForm", u"&Postcode", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Phone", None))
        self.emailEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Email", None))
        self.areaComboLabel.setText(QCoreApplication.translate("ReferralForm", u"&Area", None))
        self.matchBox.setTitle(QCoreApplication.translate("ReferralForm", u"Possibly referred before \u2014 the door is always open", None))
        self.linkButton.setText(QCoreApplication.translate("ReferralForm", u"Lin&k to this person", None))
        self.referralBox.setTitle(QCoreApplication.translate("ReferralForm", u"Referral", None))
        self.referredOnEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Recei&ved on", None))
        self.referrerOrgComboLabel.setText(QCoreApplication.translate("ReferralForm", u"Referring &organisation", None))
        self.referrerNameEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Referrer's nam&e", None))
        self.referrerEmailEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Referrer's e-mail", None))
        self.referrerPhoneEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Referrer's phone", None))
        self.crimeReferenceEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Cri&me reference", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("ReferralForm", u"&Description", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("ReferralForm", u"The referrer's description of the issues and how mentors may help", None))
        self.consentComboLabel.setText(QCoreApplication.translate("ReferralForm", u"&Consent", None))
        self.consentOnEditLabel.setText(QCoreApplication.translate("ReferralForm", u"Consent given on", None))
        self.needsBox.setTitle(QCoreApplication.translate("ReferralForm", u"Crime and vulnerabilities", None))
        self.victimCheck.setText(QCoreApplication.translate("ReferralForm", u"Victim of crime", None))
        self.victimCrimesListLabel.setText(QCoreApplication.translate("ReferralForm", u"Crimes (victim)", None))
        self.perpetratorCheck.setText(QCoreApplication.translate("ReferralForm", u"Perpetrator of crime", None))
        self.perpetratorCrimesListLabel.setText(QCoreApplication.translate("ReferralForm", u"Crimes (perpetrator)", None))
        self.vulnerabilitiesListLabel.setText(QCoreApplication.translate("ReferralForm", u"V&ulnerabilities", None))
        pass
    # retranslateUi

