#pragma once

// A raw HTTP/1.1 server on 127.0.0.1 for what armsandbox never does: links to another host, the wrong content
// type, endless or oversized bodies, a hand-written answer to each request. It records every request and
// answers through a handler, one request per connection ("Connection: close"), which is all
// QNetworkAccessManager needs.

#include "support/httpheaders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <functional>

namespace cmktest {

/// A request as the server read it.
struct RawRequest {
    QByteArray method;
    QByteArray target; ///< as on the request line: path and query, still percent-encoded
    RawHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    QByteArray path() const {
        const qsizetype query = target.indexOf('?');
        return query < 0 ? target : target.left(query);
    }
};

class RawHttpServer : public QObject {
public:
    /// Answers `request` on `socket`, with reply() or anything written by hand.
    using Handler = std::function<void(RawHttpServer *server, QTcpSocket *socket, const RawRequest &request)>;
    /// A whole JSON answer, for answerWith().
    struct Answer {
        int status = 200;
        RawHeaders headers;
        QByteArray body;
    };

    /// Without a handler, every request gets 200 {"value": []}.
    explicit RawHttpServer(Handler handler = {})
        : m_handler(std::move(handler)) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_accepted;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Answers each request with the JSON answer `answer` makes for it.
    void answerWith(std::function<Answer(const RawRequest &)> answer) {
        setHandler([answer = std::move(answer)](RawHttpServer *server, QTcpSocket *socket,
                                                const RawRequest &request) {
            const Answer a = answer(request);
            server->reply(socket, a.status, a.body, a.headers);
        });
    }
    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    quint16 port() const { return m_server.serverPort(); }

    /// Every request so far, oldest first (settle()'s own are left out).
    QList<RawRequest> requests;
    /// Body bytes written so far.
    qint64 bytesSent = 0;
    /// Connections accepted so far, with or without a request (settle()'s own are left out).
    int connections() const { return m_accepted - m_probes; }

    /// Sends a request of the test's own and waits for the answer: requests that reached the server before it
    /// have been read and recorded by then, so a check that nothing (more) came can follow. False when the
    /// answer did not come within `timeoutMs`.
    bool settle(int timeoutMs = 5000) {
        QTcpSocket probe;
        QSignalSpy answered(&probe, &QTcpSocket::disconnected);
        probe.connectToHost(QHostAddress::LocalHost, port());
        probe.write("GET " + probeTarget() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return answered.wait(timeoutMs);
    }

    static QByteArray head(int status, const QByteArray &contentType, qint64 contentLength,
                           const RawHeaders &extra = {}) {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\nConnection: close\r\n";
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        if (contentLength >= 0)
            out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        for (const auto &h : extra)
            out += h.first + ": " + h.second + "\r\n";
        return out + "\r\n";
    }

    void reply(QTcpSocket *socket, int status, const QByteArray &body, const RawHeaders &extra = {},
               const QByteArray &contentType = "application/json; charset=utf-8") {
        socket->write(head(status, body.isEmpty() ? QByteArray() : contentType, body.size(), extra));
        socket->write(body);
        bytesSent += body.size();
        socket->disconnectFromHost();
    }

    void replyJson(QTcpSocket *socket, int status, const QJsonObject &body, const RawHeaders &extra = {}) {
        reply(socket, status, QJsonDocument(body).toJson(QJsonDocument::Compact), extra);
    }

    /// Sends `headBytes` then zeros for as long as the client reads (chunked when `chunked`), at most `cap`
    /// bytes.
    void stream(QTcpSocket *socket, const QByteArray &headBytes, bool chunked, qint64 cap) {
        socket->write(headBytes);
        const QByteArray block(qsizetype{256} * 1024, '0');
        auto feed = [this, socket, block, chunked, cap] {
            while (socket->state() == QAbstractSocket::ConnectedState &&
                   socket->bytesToWrite() < qint64{1024} * 1024 && bytesSent < cap) {
                if (chunked)
                    socket->write(QByteArray::number(block.size(), 16) + "\r\n" + block + "\r\n");
                else
                    socket->write(block);
                bytesSent += block.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, feed);
        feed();
    }

private:
    static QByteArray probeTarget() { return QByteArrayLiteral("/rawhttpserver-settle"); }

    void onReadyRead(QTcpSocket *socket) {
        const QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        socket->setProperty("buffer", buffer);
        if (socket->property("handled").toBool())
            return;
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        RawRequest request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return; // wait for the request body
        request.body = buffer.mid(end + 4, length);
        socket->setProperty("handled", true);
        if (request.target == probeTarget()) {
            ++m_probes;
            reply(socket, 204, {});
            return;
        }
        requests.append(request);
        if (m_handler)
            m_handler(this, socket, request);
        else
            replyJson(socket, 200, QJsonObject{{QStringLiteral("value"), QJsonArray()}});
    }

    QTcpServer m_server;
    Handler m_handler;
    int m_accepted = 0;
    int m_probes = 0;
};

} // namespace cmktest
