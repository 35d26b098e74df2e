#include "review/reviewexport.h"
#include "review/reviewreport.h"

#include <QRegularExpression>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace cmkui {

QString exportFileName(const QString &prefix, const QString &imageDefinition, const QString &version,
                       const QString &suffix) {
    QStringList parts{prefix};
    for (const QString &part : {imageDefinition, version}) {
        if (!part.isEmpty())
            parts << part;
    }
    QString name = parts.join(QLatin1Char('-'));
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\s]+)"));
    name.replace(unsafe, QStringLiteral("-"));
    return name + suffix;
}

ReviewExportDialog::ReviewExportDialog(const cmk::ImageVersionDraft &draft, cmk::ExportFormat format,
                                       QWidget *parent)
    : QDialog(parent)
    , m_format(format)
    , m_fileName(exportFileName(QStringLiteral("image-version"), draft.imageDefinitionName, draft.versionName,
                                cmk::exportFormatSuffix(format))) {
    setWindowTitle(tr("Export as %1").arg(cmk::exportFormatDisplayName(format)));
    const cmk::ExportResult result = cmk::ImageVersionExporter::exportDraft(draft, format);
    auto *layout = new QVBoxLayout(this);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("exportNotes"));
    m_notes->setText(result.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!result.notes.isEmpty());
    layout->addWidget(m_notes);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("exportText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(result.text);
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    QPushButton *save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString suffix = cmk::exportFormatSuffix(m_format);
        const QString path =
            QFileDialog::getSaveFileName(this, windowTitle(), m_fileName,
                                         tr("%1 (*%2)").arg(cmk::exportFormatDisplayName(m_format), suffix));
        if (path.isEmpty())
            return;
        QString why;
        if (!saveTo(path, &why))
            QMessageBox::warning(this, windowTitle(), tr("Could not save %1: %2").arg(path, why));
    });
    resize(900, 520);
}

QString ReviewExportDialog::text() const {
    return m_text->toPlainText();
}

bool ReviewExportDialog::saveTo(const QString &path, QString *error) const {
    return saveReportFile(text().toUtf8(), path, error);
}

QToolButton *createExportButton(const std::function<cmk::ImageVersionDraft()> &provider, QWidget *parent,
                                const std::function<QStringList()> &extraNotes) {
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("exportButton"));
    button->setText(ReviewExportDialog::tr("E&xport"));
    button->setToolTip(
        ReviewExportDialog::tr("The same settings as an Azure CLI command, a PowerShell script, an "
                               "ARM template or a Bicep file."));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    for (cmk::ExportFormat format : cmk::exportFormats()) {
        QAction *action = menu->addAction(cmk::exportFormatDisplayName(format));
        action->setObjectName(QStringLiteral("export-") + cmk::exportFormatKey(format));
        QObject::connect(action, &QAction::triggered, button, [button, provider, extraNotes, format] {
            auto *dialog = new ReviewExportDialog(provider(), format, button->window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (extraNotes) {
                const QStringList notes = extraNotes();
                if (!notes.isEmpty()) {
                    auto *label = dialog->findChild<QLabel *>(QStringLiteral("exportNotes"));
                    const QString existing = label->text();
                    label->setText(notes.join(QLatin1Char('\n')) +
                                   (existing.isEmpty() ? QString() : QLatin1Char('\n') + existing));
                    label->setVisible(true);
                }
            }
            dialog->open();
        });
    }
    button->setMenu(menu);
    return button;
}

} // namespace cmkui
