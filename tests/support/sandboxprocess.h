// A separate armsandbox process (the built one, or an installed one), as a user starts it from a shell.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace cmktest {

/// Runs `executable --port 0 ARGUMENTS`; its URL once it printed "listening on ...". Stopped when destroyed.
class SandboxProcess {
public:
    bool start(const QString &executable, const QStringList &arguments) {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(executable, QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray line;
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(10000))
                return false;
            line += m_process.readAllStandardOutput();
        }
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"))
                .match(QString::fromUtf8(line).trimmed());
        if (!match.hasMatch())
            return false;
        m_url = match.captured(1);
        return true;
    }
    QString url() const { return m_url; }
    ~SandboxProcess() {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
    QString m_url;
};

} // namespace cmktest
