#pragma once

#include <initializer_list>

#include <QList>
#include <QObject>

class QSocketNotifier;

/**
 * Turns SIGINT and SIGTERM into a Qt signal. The handler only writes a byte
 * to a socket pair (async-signal-safe); the event loop reads it and emits
 * received(), where shutting down is safe.
 */
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};
