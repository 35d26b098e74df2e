#pragma once

// Reading a draft from JSON, for every kind of draft: typed fields with the first problem remembered (so
// fromJson() stays a flat list of fields), and the file around it.

#include <QCoreApplication>
#include <QDir>
#include <QList>
#include <QString>
#include <QStringList>
#include <climits>
#include <nlohmann/json.hpp>

namespace cmk {

class DraftJsonReader {
    Q_DECLARE_TR_FUNCTIONS(DraftJsonReader)
public:
    explicit DraftJsonReader(QString *error)
        : m_error(error) {}
    bool ok() const { return m_ok; }
    /// Records `why` unless an earlier problem was recorded.
    void fail(const QString &why);

    /// Whether `json` is an object with a formatVersion (absent: the current one) this program reads. The
    /// texts are the caller's: `unsupportedVersion` gets the file's version as %1 and `currentVersion` as %2.
    bool start(const nlohmann::json &json, int currentVersion, const QString &notAnObject,
               const QString &unsupportedVersion);

    /// Each returns `fallback` when the member is absent or null, and fails when it has another type.
    QString string(const nlohmann::json &object, const char *key, const QString &fallback = {});
    int integer(const nlohmann::json &object, const char *key, int fallback);
    bool boolean(const nlohmann::json &object, const char *key, bool fallback);
    const nlohmann::json &array(const nlohmann::json &object, const char *key);
    const nlohmann::json &object(const nlohmann::json &parent, const char *key);
    /// Whether an entry of the list `key` is an object (fails when it is not).
    bool isObject(const nlohmann::json &entry, const char *key);
    /// A list of texts.
    QStringList strings(const nlohmann::json &object, const char *key);
    /// A list of whole numbers, each at least `minimum` and at most INT_MAX (nothing wraps).
    QList<int> integers(const nlohmann::json &object, const char *key, int minimum = INT_MIN);
    /// A text naming one value of an enumeration: `fromKey` turns it into the value; `unknown` (with the
    /// text as %1) is the failure. Absent: `*value` is kept.
    template <typename Enum>
    void choice(const nlohmann::json &object, const char *key, QString (*toKey)(Enum),
                bool (*fromKey)(const QString &, Enum *), Enum *value, const QString &unknown) {
        const QString text = string(object, key, toKey(*value));
        if (ok() && !fromKey(text, value))
            fail(unknown.arg(text));
    }

private:
    QString *m_error;
    bool m_ok = true;
};

/// What a draft file's failures say, as the caller words them: %1 is the file, %2 the reason.
struct DraftFileTexts {
    QString cannotRead; ///< %1 file, %2 the system's reason
    QString notJson;    ///< %1 file
    QString cannotUse;  ///< %1 file, %2 what fromJson() said
};

/// Reads a JSON document from `path`; false with `error` set (from `texts`) when it cannot.
bool readDraftJson(const QString &path, nlohmann::json *json, QString *error, const DraftFileTexts &texts);

/// Reads a draft file with Draft::fromJson().
template <typename Draft>
bool loadDraftFile(const QString &path, Draft *out, QString *error, const DraftFileTexts &texts) {
    nlohmann::json json;
    if (!readDraftJson(path, &json, error, texts))
        return false;
    QString why;
    if (Draft::fromJson(json, out, &why))
        return true;
    if (error)
        *error = texts.cannotUse.arg(QDir::toNativeSeparators(path), why);
    return false;
}

} // namespace cmk
