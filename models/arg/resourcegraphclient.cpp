#include "arg/resourcegraphclient.h"

#include "arm/armclient.h"
#include "auth/clock.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcResourceGraph, "cmk.arg", QtWarningMsg)

namespace cmk {

namespace {

const QString ResourcesPath = QStringLiteral("/providers/Microsoft.ResourceGraph/resources");

/// "hh:mm:ss" (also "d.hh:mm:ss") in ms; -1 when it is not a duration.
qint64 durationMs(const QByteArray &text) {
    const QList<QByteArray> parts = text.trimmed().split(':');
    if (parts.size() != 3)
        return -1;
    qint64 days = 0;
    QByteArray hours = parts.at(0);
    if (hours.contains('.')) {
        days = hours.left(hours.indexOf('.')).toLongLong();
        hours = hours.mid(hours.indexOf('.') + 1);
    }
    bool okHours = false, okMinutes = false, okSeconds = false;
    const qint64 h = hours.toLongLong(&okHours);
    const qint64 m = parts.at(1).toLongLong(&okMinutes);
    const double s = parts.at(2).toDouble(&okSeconds);
    if (!okHours || !okMinutes || !okSeconds || h < 0 || m < 0 || s < 0)
        return -1;
    return ((days * 24 + h) * 60 + m) * 60000 + qint64(s * 1000);
}

} // namespace

// ---- quota -----------------------------------------------------------------------------------------------

ResourceGraphQuota::ResourceGraphQuota(ArmClient *client)
    : QObject(client)
    , m_clock(Clock::system()) {
    setObjectName(QStringLiteral("cmk_resourceGraphQuota"));
}

ResourceGraphQuota *ResourceGraphQuota::of(ArmClient *client) {
    auto *quota = client->findChild<ResourceGraphQuota *>(QStringLiteral("cmk_resourceGraphQuota"),
                                                          Qt::FindDirectChildrenOnly);
    return quota ? quota : new ResourceGraphQuota(client);
}

void ResourceGraphQuota::setClock(Clock *clock) {
    m_clock = clock ? clock : Clock::system();
}

QDateTime ResourceGraphQuota::nextQueryAt() const {
    const QDateTime now = m_clock->now();
    if (m_remaining != 0 || !m_resetsAt.isValid() || m_resetsAt <= now)
        return now;
    return m_resetsAt;
}

void ResourceGraphQuota::update(const ArmReply &reply) {
    bool ok = false;
    const int remaining = reply.rawHeader("x-ms-user-quota-remaining").trimmed().toInt(&ok);
    if (!ok)
        return; // an answer without the headers (an error from the front door) says nothing of the quota
    m_remaining = remaining;
    const qint64 resetsAfterMs = durationMs(reply.rawHeader("x-ms-user-quota-resets-after"));
    m_resetsAt = resetsAfterMs >= 0 ? m_clock->now().addMSecs(resetsAfterMs) : QDateTime();
    qCDebug(lcResourceGraph) << "quota: remaining" << m_remaining << "resets at" << m_resetsAt;
}

// ---- pager -----------------------------------------------------------------------------------------------

ResourceGraphPager::ResourceGraphPager(ArmClient *client, const ResourceGraphQuery &query,
                                       const QStringList &subscriptions, int pageRows)
    : QObject(client)
    , m_client(client)
    , m_query(query.text())
    , m_subscriptions(subscriptions)
    , m_pageRows(qBound(1, pageRows, ResourceGraphApi::MaxPageRows)) {
    m_quotaTimer.setSingleShot(true);
    connect(&m_quotaTimer, &QTimer::timeout, this, &ResourceGraphPager::send);
}

ResourceGraphPager::~ResourceGraphPager() {
    if (m_reply)
        m_reply->deleteLater();
}

void ResourceGraphPager::start() {
    sendWhenQuotaAllows();
}

void ResourceGraphPager::sendWhenQuotaAllows() {
    ResourceGraphQuota *quota = ResourceGraphQuota::of(m_client);
    const QDateTime when = quota->nextQueryAt();
    if (when <= quota->clock()->now()) {
        send();
        return;
    }
    // The last answer spent the window: a query now would only be refused.
    qCInfo(lcResourceGraph) << "waiting for the Resource Graph quota until" << when;
    Q_EMIT quota->waiting(when);
    quota->clock()->startTimer(m_quotaTimer, when);
}

void ResourceGraphPager::send() {
    if (m_finished || !m_client)
        return;
    nlohmann::json subscriptions = nlohmann::json::array();
    for (const QString &subscription : std::as_const(m_subscriptions))
        subscriptions.push_back(subscription.toStdString());
    nlohmann::json options{{"$top", m_pageRows}, {"resultFormat", "objectArray"}};
    if (!m_skipToken.isEmpty())
        options["$skipToken"] = m_skipToken.toStdString();
    const nlohmann::json body{
        {"subscriptions", subscriptions}, {"query", m_query.toStdString()}, {"options", options}};
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), QString::fromLatin1(ResourceGraphApi::Version));
    ArmReply *reply = m_client->post(ResourcesPath, body, query);
    m_reply = reply;
    connect(reply, &ArmReply::finished, this, [this, reply] { onAnswer(reply); });
}

void ResourceGraphPager::onAnswer(ArmReply *reply) {
    reply->deleteLater();
    m_reply = nullptr;
    if (m_finished)
        return;
    ResourceGraphQuota::of(m_client)->update(*reply);
    if (reply->error()) {
        finish(reply->error());
        return;
    }
    const nlohmann::json &answer = reply->json();
    const auto data = answer.is_object() ? answer.find("data") : answer.end();
    if (!answer.is_object() || data == answer.end() || !data->is_array()) {
        ArmError malformed = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ResourceGraphPager", "The Resource Graph answer has no data rows."));
        malformed.requestId = reply->requestId();
        finish(malformed);
        return;
    }
    if (m_totalRecords < 0 && answer.contains("totalRecords") && answer["totalRecords"].is_number_integer())
        m_totalRecords = answer["totalRecords"].get<qint64>();
    const auto token = answer.find("$skipToken");
    m_skipToken = token != answer.end() && token->is_string()
                      ? QString::fromStdString(token->get<std::string>())
                      : QString();
    ++m_pages;
    m_requestId = reply->requestId();
    // The rows are moved out of the answer, not copied: copying (and later freeing) 1,000 rows on the GUI
    // thread stalled the Fleet tab for 50 to 80 ms a page (issue 18). The reply is this pager's own and is
    // deleted below; its body is not const, only ArmReply's accessor is (ArmReply::takeJson() would say it
    // better, at the price of a change to every user of armreply.h).
    m_page = std::make_shared<const nlohmann::json>(std::move(const_cast<nlohmann::json &>(*data)));
    const QPointer<ResourceGraphPager> alive(this);
    Q_EMIT pageReceived();
    if (!alive || m_finished)
        return; // a receiver aborted or deleted the query
    m_page.reset();
    if (m_skipToken.isEmpty())
        finish({});
    else
        sendWhenQuotaAllows();
}

void ResourceGraphPager::abort() {
    if (m_finished)
        return;
    m_quotaTimer.stop();
    if (ArmReply *reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    finish(ArmError::make(ArmError::Kind::Aborted,
                          QCoreApplication::translate("ResourceGraphPager", "The query was cancelled.")));
}

void ResourceGraphPager::finish(const ArmError &error) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_quotaTimer.stop();
    Q_EMIT finished();
}

bool isResourceGraphUnavailable(const ArmError &error) {
    switch (error.kind) {
    case ArmError::Kind::Http:
        return error.httpStatus == 403 || error.httpStatus == 404;
    case ArmError::Kind::Network:
    case ArmError::Kind::Timeout:
        return true;
    default:
        return false;
    }
}

} // namespace cmk
