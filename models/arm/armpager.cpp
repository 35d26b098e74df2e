#include "arm/armpager.h"

#include "arm/armclient_p.h"
#include "arm/armlog.h"
#include "arm/armreply.h"

namespace cmk {

void ArmPager::start(ArmClientPrivate *client, const QUrl &url) {
    m_client = client;
    fetch(url);
}

void ArmPager::abort() {
    if (m_finished)
        return;
    m_aborted = true;
    if (m_current)
        m_current->abort(); // its finished() ends this list as Aborted
    finish(ArmError::make(ArmError::Kind::Aborted, {}));
}

void ArmPager::finish(const ArmError &error) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}

void ArmPager::fetch(const QUrl &url) {
    m_seenUrls.insert(url.toString(QUrl::FullyEncoded));
    m_current = m_client->sendFor(this, "GET", url, {}, [this](ArmReply *reply) { onPage(reply); });
}

void ArmPager::onPage(ArmReply *reply) {
    m_current = nullptr;
    if (m_finished)
        return;
    if (reply->error()) {
        finish(reply->error());
        return;
    }
    std::shared_ptr<const nlohmann::json> items;
    QByteArray nextLink;
    if (const ArmError error = takePage(reply, &items, &nextLink)) {
        finish(error);
        return;
    }
    if (deliver(items))
        followNextLink(nextLink);
}

ArmError ArmPager::takePage(ArmReply *reply, std::shared_ptr<const nlohmann::json> *items,
                            QByteArray *nextLink) {
    nlohmann::json &page = reply->m_json;
    const auto value = page.is_object() ? page.find("value") : page.end();
    if (!page.is_object() || value == page.end() || !value->is_array()) {
        ArmError error = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ArmClient", "The list response has no “value” array."));
        error.httpStatus = reply->httpStatus();
        error.requestId = reply->requestId();
        return error;
    }
    const auto next = page.find("nextLink");
    if (next != page.end() && !next->is_null()) {
        if (!next->is_string())
            return ArmError::make(ArmError::Kind::MalformedResponse,
                                  QCoreApplication::translate("ArmClient", "“nextLink” is not a string."));
        *nextLink = QByteArray::fromStdString(next->get<std::string>());
    }
    // Moved, not copied: receivers may keep the page (sharedPage()) to convert it on a worker thread.
    *items = std::make_shared<const nlohmann::json>(std::move(*value));
    return {};
}

bool ArmPager::deliver(const std::shared_ptr<const nlohmann::json> &items) {
    ++m_pages;
    m_items += int(items->size());
    m_page = items;
    QPointer<ArmPager> guard(this);
    Q_EMIT pageReceived(*items);
    if (!guard)
        return false; // deleted from a slot
    m_page.reset();
    if (m_finished)
        return false; // aborted from a slot
    if (m_aborted) {
        finish(ArmError::make(ArmError::Kind::Aborted, {}));
        return false;
    }
    return true;
}

void ArmPager::followNextLink(const QByteArray &nextLink) {
    if (nextLink.trimmed().isEmpty()) {
        finish({});
        return;
    }
    ArmError error;
    const QUrl url = m_client->followableUrl(nextLink, &error);
    if (error) {
        qCWarning(lcArm) << "nextLink refused:" << error.message;
        finish(error);
        return;
    }
    if (m_seenUrls.contains(url.toString(QUrl::FullyEncoded))) {
        finish(ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate(
                "ArmClient", "The server returned the same next page twice; the list was stopped.")));
        return;
    }
    const int maxPages = m_client->config.maxPages;
    if (m_pages >= maxPages) {
        finish(ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ArmClient", "The list has more than %1 pages; it was stopped.")
                .arg(maxPages)));
        return;
    }
    fetch(url);
}

} // namespace cmk
