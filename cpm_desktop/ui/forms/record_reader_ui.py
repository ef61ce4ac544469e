# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'record_reader.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_RecordReader(object):
    def setupUi(self, recordReader):
        if not recordReader.objectName():
            recordReader.setObjectName(u"recordReader")
        recordReader.resize(760, 620)
        self.dialogLayout = QVBoxLayout(recordReader)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.readerHint = QLabel(recordReader)
        self.readerHint.setObjectName(u"readerHint")
        self.readerHint.setWordWrap(True)

        self.dialogLayout.addWidget(self.readerHint)

        self.recordText = QPlainTextEdit(recordReader)
        self.recordText.setObjectName(u"recordText")
        self.recordText.setReadOnly(True)

        self.dialogLayout.addWidget(self.recordText)

        self.redactRow = QHBoxLayout()
        self.redactRow.setObjectName(u"redactRow")
        self.redactionReasonLabel = QLabel(recordReader)
        self.redactionReasonLabel.setObjectName(u"redactionReasonLabel")

        self.redactRow.addWidget(self.redactionReasonLabel)

        self.redactionReason = QLineEdit(recordReader)
        self.redactionReason.setObjectName(u"redactionReason")

        self.redactRow.addWidget(self.redactionReason)

        self.redactSelectionButton = QPushButton(recordReader)
        self.redactSelectionButton.setObjectName(u"redactSelectionButton")

        self.redactRow.addWidget(self.redactSelectionButton)


        self.dialogLayout.addLayout(self.redactRow)

        self.buttonBox = QDialogButtonBox(recordReader)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.redactionReasonLabel.setBuddy(self.redactionReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recordText, self.redactionReason)
        QWidget.setTabOrder(self.redactionReason, self.redactSelectionButton)
        QWidget.setTabOrder(self.redactSelectionButton, self.buttonBox)

        self.retranslateUi(recordReader)

        QMetaObject.connectSlotsByName(recordReader)
    # setupUi

    def retranslateUi(self, recordReader):
        recordReader.setWindowTitle(QCoreApplication.translate("RecordReader", u"Read the record for third parties", None))
        self.readerHint.setText(QCoreApplication.translate("RecordReader", u"Select a passage that names or identifies someone else, give the reason, and redact it: it is removed wherever it appears.", None))
        self.redactionReasonLabel.setText(QCoreApplication.translate("RecordReader", u"Reas&on", None))
        self.redactionReason.setText(QCoreApplication.translate("RecordReader", u"Names another person", None))
        self.redactSelectionButton.setText(QCoreApplication.translate("RecordReader", u"&Redact the selection", None))
    # retranslateUi

