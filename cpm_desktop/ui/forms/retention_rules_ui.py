# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'retention_rules.ui'
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
    QFormLayout, QLabel, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_RetentionRulesDialog(object):
    def setupUi(self, retentionRules):
        if not retentionRules.objectName():
            retentionRules.setObjectName(u"retentionRules")
        retentionRules.resize(760, 520)
        self.dialogLayout = QVBoxLayout(retentionRules)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.rulesForm = QFormLayout()
        self.rulesForm.setObjectName(u"rulesForm")
        self.rulesForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.label_mentor_left = QLabel(retentionRules)
        self.label_mentor_left.setObjectName(u"label_mentor_left")

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_mentor_left)

        self.rule_mentor_left = QVBoxLayout()
        self.rule_mentor_left.setObjectName(u"rule_mentor_left")
        self.months_mentor_left = QSpinBox(retentionRules)
        self.months_mentor_left.setObjectName(u"months_mentor_left")
        self.months_mentor_left.setMaximum(1200)

        self.rule_mentor_left.addWidget(self.months_mentor_left)

        self.basis_mentor_left = QLabel(retentionRules)
        self.basis_mentor_left.setObjectName(u"basis_mentor_left")
        self.basis_mentor_left.setWordWrap(True)

        self.rule_mentor_left.addWidget(self.basis_mentor_left)


        self.rulesForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.rule_mentor_left)

        self.label_mentor_sabbatical = QLabel(retentionRules)
        self.label_mentor_sabbatical.setObjectName(u"label_mentor_sabbatical")

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_mentor_sabbatical)

        self.rule_mentor_sabbatical = QVBoxLayout()
        self.rule_mentor_sabbatical.setObjectName(u"rule_mentor_sabbatical")
        self.months_mentor_sabbatical = QSpinBox(retentionRules)
        self.months_mentor_sabbatical.setObjectName(u"months_mentor_sabbatical")
        self.months_mentor_sabbatical.setMaximum(1200)

        self.rule_mentor_sabbatical.addWidget(self.months_mentor_sabbatical)

        self.basis_mentor_sabbatical = QLabel(retentionRules)
        self.basis_mentor_sabbatical.setObjectName(u"basis_mentor_sabbatical")
        self.basis_mentor_sabbatical.setWordWrap(True)

        self.rule_mentor_sabbatical.addWidget(self.basis_mentor_sabbatical)


        self.rulesForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.rule_mentor_sabbatical)

        self.label_closed_case = QLabel(retentionRules)
        self.label_closed_case.setObjectName(u"label_closed_case")

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_closed_case)

        self.rule_closed_case = QVBoxLayout()
        self.rule_closed_case.setObjectName(u"rule_closed_case")
        self.months_closed_case = QSpinBox(retentionRules)
        self.months_closed_case.setObjectName(u"months_closed_case")
        self.months_closed_case.setMaximum(1200)

        self.rule_closed_case.addWidget(self.months_closed_case)

        self.basis_closed_case = QLabel(retentionRules)
        self.basis_closed_case.setObjectName(u"basis_closed_case")
        self.basis_closed_case.setWordWrap(True)

        self.rule_closed_case.addWidget(self.basis_closed_case)


        self.rulesForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.rule_closed_case)

        self.label_not_taken_up = QLabel(retentionRules)
        self.label_not_taken_up.setObjectName(u"label_not_taken_up")

        self.rulesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_not_taken_up)

        self.rule_not_taken_up = QVBoxLayout()
        self.rule_not_taken_up.setObjectName(u"rule_not_taken_up")
        self.months_not_taken_up = QSpinBox(retentionRules)
        self.months_not_taken_up.setObjectName(u"months_not_taken_up")
        self.months_not_taken_up.setMaximum(1200)

        self.rule_not_taken_up.addWidget(self.months_not_taken_up)

        self.basis_not_taken_up = QLabel(retentionRules)
        self.basis_not_taken_up.setObjectName(u"basis_not_taken_up")
        self.basis_not_taken_up.setWordWrap(True)

        self.rule_not_taken_up.addWidget(self.basis_not_taken_up)


        self.rulesForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.rule_not_taken_up)

        self.label_audit = QLabel(retentionRules)
        self.label_audit.setObjectName(u"label_audit")

        self.rulesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_audit)

        self.rule_audit = QVBoxLayout()
        self.rule_audit.setObjectName(u"rule_audit")
        self.months_audit = QSpinBox(retentionRules)
        self.months_audit.setObjectName(u"months_audit")
        self.months_audit.setMaximum(1200)

        self.rule_audit.addWidget(self.months_audit)

        self.basis_audit = QLabel(retentionRules)
        self.basis_audit.setObjectName(u"basis_audit")
        self.basis_audit.setWordWrap(True)

        self.rule_audit.addWidget(self.basis_audit)


        self.rulesForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.rule_audit)


        self.dialogLayout.addLayout(self.rulesForm)

        self.rulesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.rulesSpacer)

        self.buttonBox = QDialogButtonBox(retentionRules)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_mentor_left.setBuddy(self.months_mentor_left)
        self.label_mentor_sabbatical.setBuddy(self.months_mentor_sabbatical)
        self.label_closed_case.setBuddy(self.months_closed_case)
        self.label_not_taken_up.setBuddy(self.months_not_taken_up)
        self.label_audit.setBuddy(self.months_audit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.months_mentor_left, self.months_mentor_sabbatical)
        QWidget.setTabOrder(self.months_mentor_sabbatical, self.months_closed_case)
        QWidget.setTabOrder(self.months_closed_case, self.months_not_taken_up)
        QWidget.setTabOrder(self.months_not_taken_up, self.months_audit)
        QWidget.setTabOrder(self.months_audit, self.buttonBox)

        self.retranslateUi(retentionRules)

        QMetaObject.connectSlotsByName(retentionRules)
    # setupUi

    def retranslateUi(self, retentionRules):
        retentionRules.setWindowTitle(QCoreApplication.translate("RetentionRulesDialog", u"Retention rules", None))
        self.label_mentor_left.setText(QCoreApplication.translate("RetentionRulesDialog", u"&Mentor left", None))
        self.months_mentor_left.setSuffix(QCoreApplication.translate("RetentionRulesDialog", u" months", None))
        self.label_mentor_sabbatical.setText(QCoreApplication.translate("RetentionRulesDialog", u"Mentor sa&bbatical", None))
        self.months_mentor_sabbatical.setSuffix(QCoreApplication.translate("RetentionRulesDialog", u" months", None))
        self.label_closed_case.setText(QCoreApplication.translate("RetentionRulesDialog", u"Closed &case", None))
        self.months_closed_case.setSuffix(QCoreApplication.translate("RetentionRulesDialog", u" months", None))
        self.label_not_taken_up.setText(QCoreApplication.translate("RetentionRulesDialog", u"&Not taken up", None))
        self.months_not_taken_up.setSuffix(QCoreApplication.translate("RetentionRulesDialog", u" months", None))
        self.label_audit.setText(QCoreApplication.translate("RetentionRulesDialog", u"&Audit trail", None))
        self.months_audit.setSuffix(QCoreApplication.translate("RetentionRulesDialog", u" months", None))
    # retranslateUi

