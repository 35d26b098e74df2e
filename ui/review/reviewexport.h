#pragma once

// Export of a draft (the wizard's, or a reviewed version's) as az / PowerShell / ARM / Bicep: a dialog
// showing the text with Copy and Save, and a button with one menu entry per format. Shared by review mode and
// the wizard's Review page.

#include "imageversion/imageversionexport.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace cmkui {

/// A default file name that says what it holds: "PREFIX-DEFINITION-VERSION.SUFFIX" (e.g.
/// review-ubuntu-22-04-gen2-1.2.0.pdf), characters a file name should not hold replaced by "-";
/// "PREFIX.SUFFIX" when neither is known.
QString exportFileName(const QString &prefix, const QString &imageDefinition, const QString &version,
                       const QString &suffix);

class ReviewExportDialog : public QDialog {
    Q_OBJECT
public:
    ReviewExportDialog(const cmk::ImageVersionDraft &draft, cmk::ExportFormat format,
                       QWidget *parent = nullptr);

    QString text() const;
    cmk::ExportFormat format() const { return m_format; }
    /// What Save… proposes: the format's script named after the image definition and version.
    QString suggestedFileName() const { return m_fileName; }
    /// Writes the text to `path` (UTF-8); false with a reason on failure.
    bool saveTo(const QString &path, QString *error) const;

private:
    cmk::ExportFormat m_format;
    QString m_fileName;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_notes = nullptr;
};

/// A tool button "Export ▾" whose menu opens ReviewExportDialog for each format with the draft `provider`
/// returns at that moment. `extraNotes` (may be empty) adds notes such as "this draft came from a version".
QToolButton *createExportButton(const std::function<cmk::ImageVersionDraft()> &provider, QWidget *parent,
                                const std::function<QStringList()> &extraNotes = {});

} // namespace cmkui
