#include "draft/draftstore.h"

#include "draft/draftjsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcDraftStore, "cmk.draft")

namespace cmk {

namespace {
class DraftStoreText {
    Q_DECLARE_TR_FUNCTIONS(DraftStore)
};
} // namespace

DraftStore::DraftStore(QObject *parent)
    : QObject(parent) {
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        QString why;
        if (!saveNow(&why))
            Q_EMIT saveFailed(why);
    });
}

DraftStore::~DraftStore() {
    if (m_debounce.isActive() && !m_discarded)
        saveNow();
}

QString DraftStore::defaultAutosavePath() {
    QString overridden = qEnvironmentVariable("CMKWIZARD_AUTOSAVE_PATH");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave-draft.json");
}

bool DraftStore::load(const QString &path, ImageVersionDraft *out, QString *error) {
    return loadDraftFile(path, out, error,
                         {DraftStoreText::tr("Cannot read the draft %1: %2"),
                          DraftStoreText::tr("The draft %1 is not valid JSON."),
                          DraftStoreText::tr("The draft %1 cannot be used: %2")});
}

bool DraftStore::save(const QString &path, const ImageVersionDraft &draft, QString *error) {
    return saveJson(path, draft.toJson(), error);
}

bool DraftStore::saveJson(const QString &path, const nlohmann::json &json, QString *error) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = DraftStoreText::tr("Cannot save the draft to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const std::string text = json.dump(2) + "\n";
    file.write(text.data(), qint64(text.size()));
    if (!file.commit()) {
        if (error)
            *error = DraftStoreText::tr("Cannot save the draft to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool DraftStore::hasResumableDraft(const QString &path) {
    ImageVersionDraft draft;
    if (!QFileInfo::exists(path) || !load(path, &draft, nullptr))
        return false;
    return draft != ImageVersionDraft();
}

void DraftStore::setPath(const QString &path) {
    m_path = path;
}

void DraftStore::attach(DraftModelBase *model, int debounceMs) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_debounce.setInterval(debounceMs);
    connect(model, &DraftModelBase::changed, this, [this] {
        m_discarded = false;
        m_debounce.start();
    });
}

bool DraftStore::saveNow(QString *error) {
    m_debounce.stop();
    if (!m_model || m_path.isEmpty())
        return true;
    QString why;
    if (!saveJson(m_path, m_model->draftJson(), &why)) {
        qCWarning(lcDraftStore) << why;
        if (error)
            *error = why;
        return false;
    }
    m_lastSaved = QDateTime::currentDateTime();
    Q_EMIT saved();
    return true;
}

void DraftStore::discard() {
    m_debounce.stop();
    m_discarded = true;
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

} // namespace cmk
