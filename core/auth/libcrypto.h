#pragma once

// OpenSSL's libcrypto, loaded when a key is first used instead of when the program starts. Linked
// in the usual way, it was the largest library the first window waited for (4,200 symbols bound at
// load, about 2 ms of every start) although nothing before the first frame signs or verifies.
//
// Each OpenSSL function this module calls is declared below as an object of the same name in
// namespace Auth: code in Auth calls it as before (`EVP_DigestSign(...)`, the OpenSSL headers' macros
// included), and the call goes to the function found in libcrypto.so.3 on its first use. When the
// library cannot be loaded every call fails the way OpenSSL reports failure (a null pointer, 0), and
// libcryptoError() says why.
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <type_traits>
#include <utility>

#include <QString>

namespace Auth {

/// Why libcrypto could not be loaded; empty when it was, or has not been needed yet.
QString libcryptoError();

namespace Libcrypto {

/// The function called name in libcrypto, loading the library on the first call; nullptr if the
/// library or the function cannot be found.
void *symbol(const char *name);

/// Calls the libcrypto function Name, of type Function, found on its first call.
template<typename Function, const char *Name>
struct Lazy
{
    template<typename... Args>
    auto operator()(Args &&...args) const
    {
        static const auto function = reinterpret_cast<Function>(symbol(Name));
        using Result = decltype(function(std::forward<Args>(args)...));
        if (!function) {
            if constexpr (std::is_void_v<Result>)
                return;
            else
                return Result{};
        }
        return function(std::forward<Args>(args)...);
    }
};

} // namespace Libcrypto

// Every libcrypto function called in this module.
#define SUPERBILL_LIBCRYPTO_FUNCTIONS(X)                                                                     \
    X(BIO_ctrl)                                                                                              \
    X(BIO_free)                                                                                              \
    X(BIO_new)                                                                                               \
    X(BIO_new_mem_buf)                                                                                       \
    X(BIO_s_mem)                                                                                             \
    X(BN_bin2bn)                                                                                             \
    X(BN_bn2binpad)                                                                                          \
    X(BN_free)                                                                                               \
    X(BN_num_bits)                                                                                           \
    X(ECDSA_SIG_free)                                                                                        \
    X(ECDSA_SIG_get0)                                                                                        \
    X(ECDSA_SIG_new)                                                                                         \
    X(ECDSA_SIG_set0)                                                                                        \
    X(ERR_clear_error)                                                                                       \
    X(ERR_error_string_n)                                                                                    \
    X(ERR_get_error)                                                                                         \
    X(EVP_DigestSign)                                                                                        \
    X(EVP_DigestSignInit)                                                                                    \
    X(EVP_DigestVerify)                                                                                      \
    X(EVP_DigestVerifyInit)                                                                                  \
    X(EVP_MD_CTX_free)                                                                                       \
    X(EVP_MD_CTX_new)                                                                                        \
    X(EVP_PKEY_CTX_free)                                                                                     \
    X(EVP_PKEY_CTX_new_from_name)                                                                            \
    X(EVP_PKEY_Q_keygen)                                                                                     \
    X(EVP_PKEY_free)                                                                                         \
    X(EVP_PKEY_fromdata)                                                                                     \
    X(EVP_PKEY_fromdata_init)                                                                                \
    X(EVP_PKEY_get_bits)                                                                                     \
    X(EVP_PKEY_get_bn_param)                                                                                 \
    X(EVP_PKEY_is_a)                                                                                         \
    X(EVP_sha256)                                                                                            \
    X(EVP_sha384)                                                                                            \
    X(OSSL_PARAM_BLD_free)                                                                                   \
    X(OSSL_PARAM_BLD_new)                                                                                    \
    X(OSSL_PARAM_BLD_push_BN)                                                                                \
    X(OSSL_PARAM_BLD_push_octet_string)                                                                      \
    X(OSSL_PARAM_BLD_push_utf8_string)                                                                       \
    X(OSSL_PARAM_BLD_to_param)                                                                               \
    X(OSSL_PARAM_free)                                                                                       \
    X(PEM_read_bio_PrivateKey)                                                                               \
    X(PEM_write_bio_PrivateKey)                                                                              \
    X(d2i_ECDSA_SIG)                                                                                         \
    X(i2d_ECDSA_SIG)

#define SUPERBILL_LIBCRYPTO_DECLARE(name)                                                                    \
    namespace Libcrypto {                                                                                    \
    inline constexpr char name##Name[] = #name;                                                              \
    }                                                                                                        \
    inline Libcrypto::Lazy<decltype(&::name), Libcrypto::name##Name> name{};
SUPERBILL_LIBCRYPTO_FUNCTIONS(SUPERBILL_LIBCRYPTO_DECLARE)
#undef SUPERBILL_LIBCRYPTO_DECLARE

namespace Libcrypto {
#define SUPERBILL_LIBCRYPTO_NAME(name) name##Name,
/// The names of the functions above, for checking that the library has each of them.
inline constexpr const char *FunctionNames[] = {SUPERBILL_LIBCRYPTO_FUNCTIONS(SUPERBILL_LIBCRYPTO_NAME)};
#undef SUPERBILL_LIBCRYPTO_NAME
} // namespace Libcrypto

} // namespace Auth
