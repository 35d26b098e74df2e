#include "draft/draftjsonreader.h"

#include <QFile>
#include <optional>

namespace cmk {

namespace {

/// The value of an integer member, when it is one an int holds (an unsigned above INT64_MAX would wrap to a
/// negative long long, 4294967296 to 0).
std::optional<int> intValue(const nlohmann::json &value) {
    if (!value.is_number_integer())
        return std::nullopt;
    if (value.is_number_unsigned())
        return value.get<nlohmann::json::number_unsigned_t>() > INT_MAX
                   ? std::nullopt
                   : std::optional<int>(int(value.get<nlohmann::json::number_unsigned_t>()));
    const auto number = value.get<long long>();
    return number < INT_MIN || number > INT_MAX ? std::nullopt : std::optional<int>(int(number));
}

bool hasMember(const nlohmann::json &object, const char *key) {
    return object.is_object() && object.contains(key) && !object[key].is_null();
}

} // namespace

void DraftJsonReader::fail(const QString &why) {
    if (m_ok && m_error)
        *m_error = why;
    m_ok = false;
}

bool DraftJsonReader::start(const nlohmann::json &json, int currentVersion, const QString &notAnObject,
                            const QString &unsupportedVersion) {
    if (!json.is_object()) {
        fail(notAnObject);
        return false;
    }
    const int version = integer(json, "formatVersion", currentVersion);
    if (ok() && (version < 1 || version > currentVersion))
        fail(unsupportedVersion.arg(version).arg(currentVersion));
    return ok();
}

QString DraftJsonReader::string(const nlohmann::json &object, const char *key, const QString &fallback) {
    if (!hasMember(object, key))
        return fallback;
    if (!object[key].is_string()) {
        fail(tr("The draft field “%1” must be a text.").arg(QLatin1String(key)));
        return fallback;
    }
    return QString::fromStdString(object[key].get<std::string>());
}

int DraftJsonReader::integer(const nlohmann::json &object, const char *key, int fallback) {
    if (!hasMember(object, key))
        return fallback;
    if (!object[key].is_number_integer()) {
        fail(tr("The draft field “%1” must be a whole number.").arg(QLatin1String(key)));
        return fallback;
    }
    const std::optional<int> value = intValue(object[key]);
    if (!value) {
        fail(tr("The draft field “%1” is out of range.").arg(QLatin1String(key)));
        return fallback;
    }
    return *value;
}

bool DraftJsonReader::boolean(const nlohmann::json &object, const char *key, bool fallback) {
    if (!hasMember(object, key))
        return fallback;
    if (!object[key].is_boolean()) {
        fail(tr("The draft field “%1” must be true or false.").arg(QLatin1String(key)));
        return fallback;
    }
    return object[key].get<bool>();
}

const nlohmann::json &DraftJsonReader::array(const nlohmann::json &object, const char *key) {
    static const nlohmann::json empty = nlohmann::json::array();
    if (!hasMember(object, key))
        return empty;
    if (!object[key].is_array()) {
        fail(tr("The draft field “%1” must be a list.").arg(QLatin1String(key)));
        return empty;
    }
    return object[key];
}

const nlohmann::json &DraftJsonReader::object(const nlohmann::json &parent, const char *key) {
    static const nlohmann::json empty = nlohmann::json::object();
    if (!hasMember(parent, key))
        return empty;
    if (!parent[key].is_object()) {
        fail(tr("The draft field “%1” must be an object.").arg(QLatin1String(key)));
        return empty;
    }
    return parent[key];
}

bool DraftJsonReader::isObject(const nlohmann::json &entry, const char *key) {
    if (entry.is_object())
        return true;
    fail(tr("Every entry of the draft field “%1” must be an object.").arg(QLatin1String(key)));
    return false;
}

QStringList DraftJsonReader::strings(const nlohmann::json &object, const char *key) {
    QStringList texts;
    for (const nlohmann::json &entry : array(object, key)) {
        if (!entry.is_string()) {
            fail(tr("The draft field “%1” must be a list of texts.").arg(QLatin1String(key)));
            break;
        }
        texts.append(QString::fromStdString(entry.get<std::string>()));
    }
    return texts;
}

QList<int> DraftJsonReader::integers(const nlohmann::json &object, const char *key, int minimum) {
    QList<int> numbers;
    for (const nlohmann::json &entry : array(object, key)) {
        const std::optional<int> value = intValue(entry);
        if (!value || *value < minimum) {
            fail(tr("The draft field “%1” must be a list of whole numbers.").arg(QLatin1String(key)));
            break;
        }
        numbers.append(*value);
    }
    return numbers;
}

bool readDraftJson(const QString &path, nlohmann::json *json, QString *error, const DraftFileTexts &texts) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = texts.cannotRead.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    *json = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (json->is_discarded()) {
        if (error)
            *error = texts.notJson.arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace cmk
