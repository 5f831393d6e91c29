#pragma once

#include <optional>
#include <utility>
#include <variant>

#include <QString>

namespace Common {

/**
 * Why an operation failed, in one shape across core: a short code a program can act on (an
 * EHR code such as "500032", or one of ours such as "disk-full"), where it happened (a FHIR
 * element path, a file, or FILE:LINE) and a sentence for a person that says what to do.
 */
struct Error
{
    QString code;
    QString path;
    QString message;

    /// "path: message", or only the message when there is no path.
    QString text() const { return path.isEmpty() ? message : path + QLatin1String(": ") + message; }
    friend bool operator==(const Error &, const Error &) = default;
};

inline Error makeError(QString code, QString message, QString path = {})
{
    return Error{std::move(code), std::move(path), std::move(message)};
}

/**
 * A value, or the Error that prevented it. Core functions return this instead of bool plus a
 * QString out-parameter, so a caller cannot forget where the error went.
 *
 *     Common::Result<int> parsePort(const QString &text);
 *     if (auto port = parsePort(text); !port) { report(port.error()); } else { use(*port); }
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    // By value, not T&&: `for (const auto &x : *lines())` would otherwise iterate a destroyed temporary.
    T value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    T valueOr(T fallback) const & { return ok() ? value() : std::move(fallback); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Success with nothing to return, or an Error. `return {};` is success.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace Common
