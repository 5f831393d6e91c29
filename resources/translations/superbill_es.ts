<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Auth::BackendServices</name>
    <message>
        <location filename="../../core/auth/backendservices.cpp" line="+107"/>
        <source>SMART Backend Services sign-in as client &quot;%1&quot; failed: %2</source>
        <translation>Falló el inicio de sesión de SMART Backend Services como cliente &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>Auth::Browser</name>
    <message>
        <location filename="../../core/auth/browser.cpp" line="+33"/>
        <source>No browser is available; set SUPERBILL_BROWSER to a command that opens a web page.</source>
        <translation>No hay ningún navegador disponible; defina SUPERBILL_BROWSER con un comando que abra una página web.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SUPERBILL_BROWSER (%1) could not be started.</source>
        <translation>No se pudo iniciar SUPERBILL_BROWSER (%1).</translation>
    </message>
</context>
<context>
    <name>Auth::Discovery</name>
    <message>
        <location filename="../../core/auth/discovery.cpp" line="+46"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not JSON</source>
        <translation>no es JSON</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>SMART discovery failed: .well-known/smart-configuration gave %1, and metadata gave %2</source>
        <translation>Falló la detección de SMART: .well-known/smart-configuration dio %1 y metadata dio %2</translation>
    </message>
</context>
<context>
    <name>Auth::JsonWebKeySet</name>
    <message>
        <location filename="../../core/auth/jsonwebkeyset.cpp" line="+100"/>
        <source>no usable signing key (EC P-384 or RSA) in the JWK set</source>
        <translation>el conjunto JWK no tiene ninguna clave de firma utilizable (EC P-384 o RSA)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the JWK set: %1</source>
        <translation>no se puede leer el conjunto JWK: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a JSON object ({&quot;keys&quot;: [...]}): %1</source>
        <translation>no es un objeto JSON ({&quot;keys&quot;: [...]}): %1</translation>
    </message>
</context>
<context>
    <name>Auth::Jwt</name>
    <message>
        <location filename="../../core/auth/jwt.cpp" line="+53"/>
        <source>not a signed JWT (three base64url parts: header, claims, signature)</source>
        <translation>no es un JWT firmado (tres partes base64url: encabezado, declaraciones, firma)</translation>
    </message>
</context>
<context>
    <name>Auth::LoopbackReceiver</name>
    <message>
        <location filename="../../core/auth/loopbackreceiver.cpp" line="+47"/>
        <source>The sign-in was not finished within %1 minutes; sign in again.</source>
        <translation>El inicio de sesión no se completó en %1 minutos; vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot listen for the sign-in&apos;s answer on 127.0.0.1 port %1: %2</source>
        <translation>No se puede esperar la respuesta del inicio de sesión en 127.0.0.1, puerto %1: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+8"/>
        <source>Superbill Desk</source>
        <translation>Superbill Desk</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The request is too large.</source>
        <translation>La solicitud es demasiado grande.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing here.</source>
        <translation>Aquí no hay nada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign-in refused</source>
        <translation>Inicio de sesión rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This answer does not belong to the sign-in Superbill Desk started, so it was not used. Go back to Superbill Desk and sign in again.</source>
        <translation>Esta respuesta no corresponde al inicio de sesión que empezó Superbill Desk, así que no se usó. Vuelva a Superbill Desk e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in&apos;s answer did not carry the state this sign-in sent, so it was refused; sign in again.</source>
        <translation>La respuesta del inicio de sesión no traía el valor state que envió este inicio de sesión, así que se rechazó; vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not signed in</source>
        <translation>Sesión no iniciada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The EHR did not sign you in. You can close this window and go back to Superbill Desk.</source>
        <translation>El EHR no inició su sesión. Puede cerrar esta ventana y volver a Superbill Desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The EHR refused the sign-in: %1</source>
        <translation>El EHR rechazó el inicio de sesión: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The EHR refused the sign-in (%1): %2</source>
        <translation>El EHR rechazó el inicio de sesión (%1): %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are signed in to Superbill Desk. You can close this window.</source>
        <translation>Inició sesión en Superbill Desk. Puede cerrar esta ventana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The EHR&apos;s answer carries no code.</source>
        <translation>La respuesta del EHR no trae el código de autorización (code).</translation>
    </message>
</context>
<context>
    <name>Auth::MemorySecretStore</name>
    <message>
        <location filename="../../core/auth/secretstore.cpp" line="+8"/>
        <source>nothing stored</source>
        <translation>no hay nada guardado</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The sign-in is kept for this session only; it is not saved anywhere.</source>
        <translation>El inicio de sesión se conserva solo durante esta sesión; no se guarda en ningún lugar.</translation>
    </message>
</context>
<context>
    <name>Auth::OpenSslKey</name>
    <message>
        <location filename="../../core/auth/opensslkey.cpp" line="+148"/>
        <source>unknown OpenSSL error</source>
        <translation>error de OpenSSL desconocido</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>this key cannot sign %1; %2 needs %3</source>
        <translation>esta clave no puede firmar %1; %2 necesita %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an EC P-384 key</source>
        <translation>una clave EC P-384</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an RSA key of 2048 bits or more</source>
        <translation>una clave RSA de 2048 bits o más</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>cannot sign: %1</source>
        <translation>no se puede firmar: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot read the ECDSA signature</source>
        <translation>no se puede leer la firma ECDSA</translation>
    </message>
    <message>
        <location filename="../../core/auth/libcrypto.cpp" line="+23"/>
        <source>OpenSSL&apos;s libcrypto (version 3) cannot be loaded: %1</source>
        <translation>no se puede cargar libcrypto de OpenSSL (versión 3): %1</translation>
    </message>
</context>
<context>
    <name>Auth::SigningKey</name>
    <message>
        <location filename="../../core/auth/signingkey.cpp" line="+48"/>
        <source>cannot make a new key: %1</source>
        <translation>no se puede crear una clave nueva: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not an unencrypted PEM private key (%1); make one with superbill-cli auth keygen</source>
        <translation>no es una clave privada PEM sin cifrar (%1); cree una con superbill-cli auth keygen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the key is neither EC P-384 (ES384) nor RSA of 2048 bits or more (RS384), the two kinds SMART Backend Services accepts</source>
        <translation>la clave no es EC P-384 (ES384) ni RSA de 2048 bits o más (RS384), los dos tipos que acepta SMART Backend Services</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read the key file: %1</source>
        <translation>no se puede leer el archivo de la clave: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this file is too large to be a private key</source>
        <translation>este archivo es demasiado grande para ser una clave privada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: other users can read the private key; restrict it with chmod 600</source>
        <translation>%1: otros usuarios pueden leer la clave privada; restrinja el acceso con chmod 600</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot encode the key: %1</source>
        <translation>no se puede codificar la clave: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file exists already; a key is never overwritten (choose another name, or remove the old key once the EHR no longer uses it)</source>
        <translation>el archivo ya existe; una clave nunca se sobrescribe (elija otro nombre o elimine la clave anterior cuando el EHR ya no la use)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the key file: %1</source>
        <translation>no se puede crear el archivo de la clave: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write the key file: %1</source>
        <translation>no se puede escribir el archivo de la clave: %1</translation>
    </message>
</context>
<context>
    <name>Auth::SmartConfiguration</name>
    <message>
        <location filename="../../core/auth/smartconfiguration.cpp" line="+67"/>
        <source>the SMART configuration names no token_endpoint</source>
        <translation>la configuración SMART no indica ningún token_endpoint</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the EHR offers no SMART sign-in: neither .well-known/smart-configuration nor OAuth URIs in its CapabilityStatement</source>
        <translation>el EHR no ofrece inicio de sesión SMART: ni .well-known/smart-configuration ni URI de OAuth en su CapabilityStatement</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the EHR names no authorization_endpoint, so a person cannot sign in here; use a bearer token</source>
        <translation>el EHR no indica ningún authorization_endpoint, así que una persona no puede iniciar sesión aquí; use un token de acceso (Bearer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the EHR does not offer the authorization_code grant (it offers %1)</source>
        <translation>el EHR no ofrece la concesión authorization_code (ofrece %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the EHR offers PKCE only as %1, which sends the secret itself; this app signs in only with S256</source>
        <translation>el EHR ofrece PKCE solo como %1, que envía el propio secreto; esta aplicación solo inicia sesión con S256</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the EHR does not offer the client_credentials grant that SMART Backend Services needs (it offers %1)</source>
        <translation>el EHR no ofrece la concesión client_credentials que necesita SMART Backend Services (ofrece %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the EHR does not accept private_key_jwt client authentication (it accepts %1)</source>
        <translation>el EHR no acepta la autenticación de cliente private_key_jwt (acepta %1)</translation>
    </message>
</context>
<context>
    <name>Auth::SmartSession</name>
    <message>
        <location filename="../../core/auth/smartsession.cpp" line="+45"/>
        <source>The sign-in was closed.</source>
        <translation>Se cerró el inicio de sesión.</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+113"/>
        <source>Not signed in to the EHR.</source>
        <translation>No ha iniciado sesión en el EHR.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>No browser is available.</source>
        <translation>No hay ningún navegador disponible.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The EHR ended the sign-in (%1). Sign in again to send the waiting lines.</source>
        <translation>El EHR terminó la sesión (%1). Vuelva a iniciar sesión para enviar las líneas en espera.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Signed out of the EHR.</source>
        <translation>Sesión del EHR cerrada.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The sign-in to the EHR has expired. Sign in again to send the waiting lines.</source>
        <translation>La sesión en el EHR venció. Vuelva a iniciar sesión para enviar las líneas en espera.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not signed in to the EHR; sign in to send lines.</source>
        <translation>No ha iniciado sesión en el EHR; inicie sesión para enviar líneas.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The EHR no longer accepts the sign-in. Sign in again to send the waiting lines.</source>
        <translation>El EHR ya no acepta la sesión. Vuelva a iniciar sesión para enviar las líneas en espera.</translation>
    </message>
</context>
<context>
    <name>Auth::TokenEndpoint</name>
    <message>
        <location filename="../../core/auth/tokenendpoint.cpp" line="+49"/>
        <source>the token endpoint %1 did not answer: %2</source>
        <translation>el endpoint de token %1 no respondió: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the token endpoint&apos;s answer is not JSON</source>
        <translation>la respuesta del endpoint de token no es JSON</translation>
    </message>
</context>
<context>
    <name>Auth::TokenResponse</name>
    <message>
        <location filename="../../core/auth/tokenresponse.cpp" line="+29"/>
        <source>the token endpoint&apos;s answer holds no access_token</source>
        <translation>la respuesta del endpoint de token no contiene access_token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the token endpoint gave a &quot;%1&quot; token; only Bearer tokens are used</source>
        <translation>el endpoint de token dio un token &quot;%1&quot;; solo se usan tokens Bearer</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the token endpoint answered HTTP %1 without an OAuth error</source>
        <translation>el endpoint de token respondió HTTP %1 sin un error de OAuth</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token endpoint refused: %1</source>
        <translation>el endpoint de token lo rechazó: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the token endpoint refused (%1): %2</source>
        <translation>el endpoint de token lo rechazó (%1): %2</translation>
    </message>
</context>
<context>
    <name>Catalog::CatalogDatabase</name>
    <message>
        <location filename="../../core/catalog/catalogdatabase.cpp" line="+123"/>
        <source>Cannot open the code catalog %1</source>
        <translation>No se puede abrir el catálogo de códigos %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+16"/>
        <source>Cannot read the codes</source>
        <translation>No se pueden leer los códigos</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+21"/>
        <location line="+42"/>
        <source>Cannot start the import</source>
        <translation>No se puede iniciar la importación</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Cannot add code %1</source>
        <translation>No se puede agregar el código %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot update code %1</source>
        <translation>No se puede actualizar el código %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 rows are older than the catalog&apos;s version of their code; the newer descriptions were kept.</source>
        <translation>Hay %1 filas más antiguas que la versión de su código en el catálogo; se conservaron las descripciones más recientes.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot mark code %1 inactive</source>
        <translation>No se puede marcar como inactivo el código %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file (version %1) is older than the catalog (version %2): its new codes were added, and no code was marked inactive.</source>
        <translation>El archivo (versión %1) es más antiguo que el catálogo (versión %2): se agregaron sus códigos nuevos y no se marcó ningún código como inactivo.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot write the import log</source>
        <translation>No se puede escribir el registro de importación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save the import</source>
        <translation>No se puede guardar la importación</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Cannot read the synonyms</source>
        <translation>No se pueden leer los sinónimos</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>Cannot start saving the synonyms</source>
        <translation>No se puede empezar a guardar los sinónimos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save the synonym %1</source>
        <translation>No se puede guardar el sinónimo %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save the synonyms</source>
        <translation>No se pueden guardar los sinónimos</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot read the favourites</source>
        <translation>No se pueden leer los favoritos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot save the favourite</source>
        <translation>No se puede guardar el favorito</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the recently used codes</source>
        <translation>No se pueden leer los códigos usados recientemente</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+11"/>
        <location line="+9"/>
        <source>Cannot save the recently used code</source>
        <translation>No se puede guardar el código usado recientemente</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cannot trim the recently used codes</source>
        <translation>No se puede acortar la lista de códigos usados recientemente</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>Cannot read the superbill template</source>
        <translation>No se puede leer la plantilla del superbill</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot save the superbill template</source>
        <translation>No se puede guardar la plantilla del superbill</translation>
    </message>
</context>
<context>
    <name>Catalog::CodeCatalog</name>
    <message>
        <location filename="../../core/catalog/codecatalog.cpp" line="+76"/>
        <source>No catalog file given.</source>
        <translation>No se indicó ningún archivo de catálogo.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The built-in training catalog is missing: %1</source>
        <translation>Falta el catálogo de capacitación integrado: %1</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+43"/>
        <location line="+16"/>
        <location line="+48"/>
        <location line="+37"/>
        <source>No code catalog is open.</source>
        <translation>No hay ningún catálogo de códigos abierto.</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>%1 rows have errors and --strict was given; fix them and import again.</source>
        <translation>Hay %1 filas con errores y se indicó --strict; corríjalas e importe de nuevo.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot read the synonym file: %1</source>
        <translation>No se puede leer el archivo de sinónimos: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+37"/>
        <source>%1 is not in the code catalog.</source>
        <translation>%1 no está en el catálogo de códigos.</translation>
    </message>
</context>
<context>
    <name>Catalog::CodeFileParser</name>
    <message>
        <location filename="../../core/catalog/codefileparser.cpp" line="+167"/>
        <source>The file has no codes in it.</source>
        <translation>El archivo no contiene códigos.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file has a header but no codes.</source>
        <translation>El archivo tiene encabezado, pero no tiene códigos.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The header on line %1 needs a code column and a description column (e.g. &quot;code&quot; and &quot;display&quot; or &quot;description&quot;).</source>
        <translation>El encabezado de la línea %1 necesita una columna de código y una de descripción (p. ej., &quot;code&quot; y &quot;display&quot; o &quot;description&quot;).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns not used: %1.</source>
        <translation>Columnas no usadas: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file has no header: columns are read as code, description, version; further columns are not used. Add a header line to import flag columns.</source>
        <translation>El archivo no tiene encabezado: las columnas se leen como código, descripción y versión; las demás columnas no se usan. Agregue una línea de encabezado para importar las columnas de indicadores.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The %1 column says &quot;%2&quot;; use 1 or 0, yes or no, true or false, or leave it empty.</source>
        <translation>La columna %1 dice &quot;%2&quot;; use 1 o 0, yes o no, true o false, o déjela vacía.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The row has no code.</source>
        <translation>La fila no tiene código.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a five-character code; a spreadsheet may have dropped leading zeros (%2?). Format the code column as text and export again.</source>
        <translation>&quot;%1&quot; no es un código de cinco caracteres; es posible que una hoja de cálculo haya quitado los ceros a la izquierda (¿%2?). Dé formato de texto a la columna de códigos y vuelva a exportar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a CPT or CDT code (five digits, or four digits and F, T or U; or D and four digits).</source>
        <translation>&quot;%1&quot; no es un código CPT ni CDT (cinco dígitos, o cuatro dígitos y F, T o U; o D y cuatro dígitos).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HCPCS Level II code: the EHR accepts only CPT codes, so it is not imported.</source>
        <translation>Código HCPCS de nivel II: el EHR solo acepta códigos CPT, así que no se importa.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The description is empty; the EHR requires one for every code.</source>
        <translation>La descripción está vacía; el EHR exige una para cada código.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Repeats line %1; imported once.</source>
        <translation>Repite la línea %1; se importa una sola vez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1 already has this code with another description or flags; this row is not imported.</source>
        <translation>La línea %1 ya tiene este código con otra descripción u otros indicadores; esta fila no se importa.</translation>
    </message>
</context>
<context>
    <name>Catalog::CsvReader</name>
    <message>
        <location filename="../../core/catalog/csvreader.cpp" line="+114"/>
        <source>The file is not valid UTF-8; it was read as %1. Check accented letters, or save the file as CSV UTF-8.</source>
        <translation>El archivo no es UTF-8 válido; se leyó como %1. Revise las letras acentuadas o guarde el archivo como CSV UTF-8.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>A quoted field opened on this line is never closed (a &quot; is missing).</source>
        <translation>Un campo entre comillas que se abre en esta línea nunca se cierra (falta una &quot;).</translation>
    </message>
</context>
<context>
    <name>Catalog::ImportReport</name>
    <message>
        <location filename="../../core/catalog/importreport.cpp" line="+31"/>
        <source>Import refused, the catalog is unchanged: %1</source>
        <translation>Importación rechazada; el catálogo no cambió: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows read: %1; new: %2; updated: %3; unchanged: %4; marked inactive: %5</source>
        <translation>filas leídas: %1; nuevos: %2; actualizados: %3; sin cambios: %4; marcados como inactivos: %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; older than the catalog (newer kept): %1</source>
        <translation>; más antiguos que el catálogo (se conservó el más reciente): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; not imported: %1</source>
        <translation>; no importados: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (version %1)</source>
        <translation> (versión %1)</translation>
    </message>
</context>
<context>
    <name>Catalog::SearchIndex</name>
    <message>
        <location filename="../../core/catalog/searchindex.cpp" line="+70"/>
        <source>%1 or more</source>
        <translation>%1 o más</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up to %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dental: not on this superbill (500034)</source>
        <translation>dental: no va en este superbill (500034)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inactive code</source>
        <translation>código inactivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add-on: needs a primary code on the line</source>
        <translation>complementario: requiere un código principal en la línea</translation>
    </message>
    <message>
        <location line="+562"/>
        <source>not mentioned</source>
        <translation>no mencionado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not %1</source>
        <translation>no %1</translation>
    </message>
</context>
<context>
    <name>Catalog::SynonymFile</name>
    <message>
        <location filename="../../core/catalog/synonymfile.cpp" line="+71"/>
        <source>a row needs two fields, term,expansion (it has %1)</source>
        <translation>una fila necesita dos campos, término,expansión (tiene %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the term has no letters or digits</source>
        <translation>el término no tiene letras ni dígitos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a term has at most %1 words</source>
        <translation>un término tiene como máximo %1 palabras</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the expansion has no words to look for</source>
        <translation>la expansión no tiene palabras para buscar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 looks like a code; synonyms map words to words, never to codes</source>
        <translation>%1 parece un código; los sinónimos relacionan palabras con palabras, nunca con códigos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the expansion only repeats the term</source>
        <translation>la expansión solo repite el término</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file has no synonyms in it.</source>
        <translation>El archivo no contiene sinónimos.</translation>
    </message>
</context>
<context>
    <name>Common::Paths</name>
    <message>
        <location filename="../../core/common/paths.cpp" line="+39"/>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a folder</source>
        <translation>%1 no es una carpeta</translation>
    </message>
</context>
<context>
    <name>Common::SqliteDatabase</name>
    <message>
        <location filename="../../core/common/sqlitedatabase.cpp" line="+162"/>
        <source>the Qt SQLite driver (QSQLITE) is not installed; on Debian install libqt6sql6-sqlite</source>
        <translation>el controlador SQLite de Qt (QSQLITE) no está instalado; en Debian instale libqt6sql6-sqlite</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot create %1: %2</source>
        <translation>no se puede crear %1: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>SQLite would not use write-ahead logging for %1 (journal mode &quot;%2&quot;); put it on a local disk</source>
        <translation>SQLite no quiso usar el registro de escritura anticipada (WAL) para %1 (modo de diario &quot;%2&quot;); colóquelo en un disco local</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SQLite did not accept the durability asked for %1</source>
        <translation>SQLite no aceptó la durabilidad solicitada para %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read the schema version of %1</source>
        <translation>no se puede leer la versión del esquema de %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was written by a newer Superbill Desk (schema %2; this one knows up to %3); update the program. The file was not changed.</source>
        <translation>%1 fue escrito por una versión más reciente de Superbill Desk (esquema %2; esta conoce hasta el %3); actualice el programa. El archivo no se modificó.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>upgrading %1 to schema %2 failed, nothing was changed: %3</source>
        <translation>falló la actualización de %1 al esquema %2; no se modificó nada: %3</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>the disk holding %1 is full; free some space</source>
        <translation>el disco que contiene %1 está lleno; libere espacio</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the disk reported an error with %1 (%2)</source>
        <translation>el disco informó un error con %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is damaged or is not an SQLite database (%2)</source>
        <translation>%1 está dañado o no es una base de datos SQLite (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another program kept %1 busy for too long; try again</source>
        <translation>otro programa mantuvo ocupado %1 demasiado tiempo; vuelva a intentarlo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, %2 and %3 are read-only; make all three writable by their owner (chmod 600)</source>
        <translation>%1, %2 y %3 son de solo lectura; haga que su propietario pueda escribir en los tres (chmod 600)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>no transaction to commit</source>
        <translation>no hay ninguna transacción que confirmar</translation>
    </message>
</context>
<context>
    <name>Drills::Checker</name>
    <message>
        <location filename="../../core/drills/drillchecker.cpp" line="+68"/>
        <location line="+13"/>
        <location line="+64"/>
        <location line="+75"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+103"/>
        <location line="+39"/>
        <location line="+64"/>
        <location line="+15"/>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>no Procedure %1 is recorded on %2 — expected one</source>
        <translation>no hay ningún Procedure %1 registrado en %2 — se esperaba uno</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>code %1 — right</source>
        <translation>código %1 — correcto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code %1 — expected %2</source>
        <translation>código %1 — se esperaba %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>category %1 — right</source>
        <translation>categoría %1 — correcta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category %1 — expected %2</source>
        <translation>categoría %1 — se esperaba %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a single performed time %1 was sent — expected an anesthesia start %2 and end %3</source>
        <translation>se envió una sola hora de realización %1 — se esperaba un inicio de anestesia %2 y un fin %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>anesthesia %1 to %2 — right</source>
        <translation>anestesia de %1 a %2 — correcta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anesthesia %1 to %2 — expected %3 to %4</source>
        <translation>anestesia de %1 a %2 — se esperaba de %3 a %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an anesthesia start and end were sent — expected a single performed time %1</source>
        <translation>se enviaron un inicio y un fin de anestesia — se esperaba una sola hora de realización %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>performed %1 — right</source>
        <translation>realizado %1 — correcto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>performed %1 — expected %2</source>
        <translation>realizado %1 — se esperaba %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>diagnoses %1 — expected the order %2 (the first is the main reason)</source>
        <translation>diagnósticos %1 — se esperaba el orden %2 (el primero es el motivo principal)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>diagnoses %1 — expected %2</source>
        <translation>diagnósticos %1 — se esperaba %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>diagnoses %1 — right</source>
        <translation>diagnósticos %1 — correctos</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>order on %1: %2 — right</source>
        <translation>orden en %1: %2 — correcto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order on %1: %2 — expected %3</source>
        <translation>orden en %1: %2 — se esperaba %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>whether %1 was refused with %2 is not known: this EHR does not list its refusals</source>
        <translation>no se sabe si %1 fue rechazado con %2: este EHR no lista sus rechazos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 was refused with %2 — right</source>
        <translation>%1 fue rechazado con %2 — correcto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was refused with %2 — expected %3</source>
        <translation>%1 fue rechazado con %2 — se esperaba %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was never refused — expected the EHR to refuse it with %2</source>
        <translation>%1 nunca fue rechazado — se esperaba que el EHR lo rechazara con %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 was recorded by the EHR (%2) — expected the line discarded</source>
        <translation>el EHR registró %1 (%2) — se esperaba la línea descartada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not recorded by the EHR; whether its line was discarded is not known without the outbox</source>
        <translation>%1 no está registrado en el EHR; sin la bandeja de salida no se sabe si su línea se descartó</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the %1 line is still %2 — expected it discarded</source>
        <translation>la línea %1 sigue %2 — se esperaba descartada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the %1 line was discarded — right</source>
        <translation>la línea %1 se descartó — correcto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no %1 line — expected it entered, refused and discarded</source>
        <translation>no hay ninguna línea %1 — se esperaba ingresada, rechazada y descartada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting for correction</source>
        <translation>en espera de corrección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting to be sent</source>
        <translation>en espera de envío</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the %1 line is still %2 — expected every line of the drill sent or discarded</source>
        <translation>la línea %1 sigue %2 — se esperaba cada línea del ejercicio enviada o descartada</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (%2) is recorded on %3 — not expected</source>
        <translation>%1 (%2) está registrado en %3 — no se esperaba</translation>
    </message>
</context>
<context>
    <name>Drills::Drill</name>
    <message>
        <location filename="../../core/drills/drill.cpp" line="+65"/>
        <source>not JSON (%1 at byte %2)</source>
        <translation>no es JSON (%1 en el byte %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a drill is a JSON object</source>
        <translation>un ejercicio es un objeto JSON</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be %1, the drill format this app reads</source>
        <translation>debe ser %1, el formato de ejercicio que lee esta aplicación</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a list of texts</source>
        <translation>una lista de textos</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>unknown member; expected one of %1</source>
        <translation>miembro desconocido; se esperaba uno de %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a non-empty text is required</source>
        <translation>se requiere un texto no vacío</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not a date-time with an offset, such as 2026-03-14T10:30:00-05:00</source>
        <translation>&quot;%1&quot; no es una fecha y hora con desfase, como 2026-03-14T10:30:00-05:00</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>an object of texts by field, such as {&quot;code&quot;: &quot;...&quot;}</source>
        <translation>un objeto de textos por campo, como {&quot;code&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown field; explain one of %1</source>
        <translation>campo desconocido; explique uno de %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a behaviour name, or {&quot;behaviour&quot;: ..., &quot;code&quot;: ...}</source>
        <translation>un nombre de comportamiento, o {&quot;behaviour&quot;: ..., &quot;code&quot;: ...}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; no es uno de %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not an EHR code this app knows</source>
        <translation>%1 no es un código del EHR que esta aplicación conozca</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only refuse-next-line takes a code</source>
        <translation>solo refuse-next-line admite un código</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a number of lines from 1 to 100, for an EHR that does not behave normally</source>
        <translation>un número de líneas de 1 a 100, para un EHR que no se comporta con normalidad</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a folder, relative to the drill file, in the resources/sandbox format</source>
        <translation>una carpeta, relativa al archivo del ejercicio, en el formato de resources/sandbox</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the folder %1 does not exist</source>
        <translation>la carpeta %1 no existe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an object such as {&quot;procedures&quot;: [...]}</source>
        <translation>un objeto como {&quot;procedures&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a list of FHIR Procedure resources</source>
        <translation>una lista de recursos Procedure de FHIR</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a FHIR Procedure resource</source>
        <translation>un recurso Procedure de FHIR</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an object with procedures, refused or discarded: what counts as right</source>
        <translation>un objeto con procedures, refused o discarded: lo que cuenta como correcto</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>name at least one procedure, refused line or discarded line</source>
        <translation>indique al menos un procedimiento, una línea rechazada o una línea descartada</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>an object with patient, encounter, code ...</source>
        <translation>un objeto con patient, encounter, code ...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is not one of the EHR&apos;s SNOMED categories</source>
        <translation>%1 no es una de las categorías SNOMED del EHR</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give either performed or period (anesthesia start and end)</source>
        <translation>indique performed o period (inicio y fin de anestesia), uno de los dos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the end is before the start</source>
        <translation>el fin es anterior al inicio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a list of Condition ids, in order</source>
        <translation>una lista de ids de Condition, en orden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a Condition id</source>
        <translation>un id de Condition</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>a drill file is at most 1 MiB</source>
        <translation>un archivo de ejercicio ocupa como máximo 1 MiB</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>another drill is already called %1</source>
        <translation>otro ejercicio ya se llama %1</translation>
    </message>
</context>
<context>
    <name>Drills::DrillResults</name>
    <message>
        <location filename="../../core/drills/drillresults.cpp" line="+34"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Reading the results file</source>
        <translation>Al leer el archivo de resultados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the results file was written by a newer version of the app</source>
        <translation>el archivo de resultados fue escrito por una versión más reciente de la aplicación</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+3"/>
        <source>Creating the results file</source>
        <translation>Al crear el archivo de resultados</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the results file is not open</source>
        <translation>el archivo de resultados no está abierto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a result needs the trainee&apos;s name</source>
        <translation>un resultado necesita el nombre del participante</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saving the result</source>
        <translation>Al guardar el resultado</translation>
    </message>
</context>
<context>
    <name>Drills::LocalizedText</name>
    <message>
        <location filename="../../core/drills/localizedtext.cpp" line="+20"/>
        <source>give a text, or {&quot;en&quot;: &quot;...&quot;, &quot;es&quot;: &quot;...&quot;} with the English one</source>
        <translation>indique un texto, o {&quot;en&quot;: &quot;...&quot;, &quot;es&quot;: &quot;...&quot;} con el de inglés</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unknown language &quot;%1&quot;; use en and es</source>
        <translation>idioma desconocido &quot;%1&quot;; use en y es</translation>
    </message>
</context>
<context>
    <name>Drills::SnapshotReader</name>
    <message>
        <location filename="../../core/drills/snapshotreader.cpp" line="+43"/>
        <source>Reading %1 from the EHR failed: %2</source>
        <translation>Falló la lectura de %1 desde el EHR: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP status %1</source>
        <translation>estado HTTP %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the Procedures of %1</source>
        <translation>los Procedures de %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the diagnoses of %1</source>
        <translation>los diagnósticos de %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the refused lines</source>
        <translation>las líneas rechazadas</translation>
    </message>
</context>
<context>
    <name>Ehr::BearerToken</name>
    <message>
        <location filename="../../core/ehr/bearertoken.cpp" line="+29"/>
        <source>a control character (%1)</source>
        <translation>un carácter de control (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a space</source>
        <translation>un espacio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a character outside ASCII</source>
        <translation>un carácter fuera de ASCII</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token contains %1 at character %2; a token is one line of visible ASCII characters. Copy it again from the EHR.</source>
        <translation>El token contiene %1 en el carácter %2; un token es una sola línea de caracteres ASCII visibles. Vuelva a copiarlo del EHR.</translation>
    </message>
</context>
<context>
    <name>Ehr::EhrClient</name>
    <message>
        <location filename="../../core/ehr/ehrclient.cpp" line="+78"/>
        <source>The EHR did not accept the token (HTTP %1)%2</source>
        <translation>El EHR no aceptó el token (HTTP %1)%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The EHR is not answering normally (HTTP %1)%2</source>
        <translation>El EHR no está respondiendo con normalidad (HTTP %1)%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The EHR answered HTTP %1%2</source>
        <translation>El EHR respondió HTTP %1%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No EHR address is set.</source>
        <translation>No se ha configurado la dirección del EHR.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&quot;%1&quot; is not a valid EHR address; it should look like https://ehr.example.org/mps/fhir/R4/V1.</source>
        <translation>&quot;%1&quot; no es una dirección de EHR válida; debe tener la forma https://ehr.example.org/mps/fhir/R4/V1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the EHR address must not contain a user name or password; the token is given separately (keychain, SUPERBILL_TOKEN or --token-file).</source>
        <translation>%1: la dirección del EHR no debe contener un nombre de usuario ni una contraseña; el token se indica por separado (llavero, SUPERBILL_TOKEN o --token-file).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 uses plain http://, which would send the token and patient data unencrypted; an EHR that is not on this computer must use https://.</source>
        <translation>%1 usa http:// simple, que enviaría el token y los datos de los pacientes sin cifrar; un EHR que no esté en esta computadora debe usar https://.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the EHR address must start with https:// (or http:// for an EHR on this computer).</source>
        <translation>%1: la dirección del EHR debe empezar con https:// (o http:// para un EHR en esta computadora).</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>The EHR&apos;s metadata is not a CapabilityStatement: %1</source>
        <translation>Los metadatos del EHR no son un CapabilityStatement: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The EHR&apos;s answer to a search is not a FHIR Bundle.</source>
        <translation>La respuesta del EHR a una búsqueda no es un Bundle de FHIR.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The EHR&apos;s next page is on another server; it was not followed.</source>
        <translation>La página siguiente del EHR está en otro servidor; no se siguió.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The line has no client identifier, so a resend could record it twice; it was not sent.</source>
        <translation>La línea no tiene identificador de cliente, así que un reenvío podría registrarla dos veces; no se envió.</translation>
    </message>
</context>
<context>
    <name>Ehr::EhrSettings</name>
    <message>
        <location filename="../../core/ehr/ehrsettings.cpp" line="+43"/>
        <source>cannot write the settings</source>
        <translation>no se puede guardar la configuración</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>cannot read the token file: %1</source>
        <translation>no se puede leer el archivo del token: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the token file is empty</source>
        <translation>el archivo del token está vacío</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the token file can be read by other users; restrict it with chmod 600</source>
        <translation>%1: otros usuarios pueden leer el archivo del token; restrinja el acceso con chmod 600</translation>
    </message>
</context>
<context>
    <name>Ehr::NetworkJob</name>
    <message>
        <location filename="../../core/ehr/networkjob.cpp" line="+144"/>
        <location line="+37"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The EHR did not answer within %1 seconds.</source>
        <translation>El EHR no respondió en %1 segundos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The secure connection to %1 failed and nothing was sent: %2. Check the EHR address and this computer&apos;s certificates; TLS errors are never ignored.</source>
        <translation>Falló la conexión segura con %1 y no se envió nada: %2. Revise la dirección del EHR y los certificados de esta computadora; los errores de TLS nunca se ignoran.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The EHR redirected to another server or a less safe address (%1); the redirect was not followed, so the token stays with the EHR. Check the EHR address.</source>
        <translation>El EHR redirigió a otro servidor o a una dirección menos segura (%1); no se siguió la redirección, así que el token no sale del EHR. Revise la dirección del EHR.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not reach the EHR at %1: %2</source>
        <translation>No se pudo conectar con el EHR en %1: %2</translation>
    </message>
</context>
<context>
    <name>Ehr::SubmitResult</name>
    <message>
        <location filename="../../core/ehr/submitresult.cpp" line="+150"/>
        <source>The answer (HTTP %1) is not FHIR JSON, so it may not come from the EHR (a proxy or a network sign-in page?); the line will be sent again.</source>
        <translation>La respuesta (HTTP %1) no es JSON de FHIR, así que puede que no venga del EHR (¿un proxy o una página de inicio de sesión de la red?); la línea se enviará de nuevo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The EHR answered that it already has this line but sent back %1/%2, which is not this line; the line was not recorded. The EHR may not match identifiers in If-None-Exist: ask its administrator before sending it again.</source>
        <translation>El EHR respondió que ya tiene esta línea, pero devolvió %1/%2, que no es esta línea; la línea no se registró. Puede que el EHR no compare los identificadores de If-None-Exist: consulte a su administrador antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The EHR did not accept the token (401); sign in again or enter a new token.</source>
        <translation>El EHR no aceptó el token (401); vuelva a iniciar sesión o ingrese un token nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token lacks permission to record procedures (403).</source>
        <translation>El token no tiene permiso para registrar procedimientos (403).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The EHR refused the credentials: %1</source>
        <translation>El EHR rechazó las credenciales: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The EHR already has this record: %1</source>
        <translation>El EHR ya tiene este registro: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <source>The EHR rejected the line: %1</source>
        <translation>El EHR rechazó la línea: %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The EHR could not store the line now (HTTP %1): %2</source>
        <translation>El EHR no pudo guardar la línea en este momento (HTTP %1): %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The EHR answered HTTP %1%2</source>
        <translation>El EHR respondió HTTP %1%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The EHR answered HTTP %1 without saying why (%2).</source>
        <translation>El EHR respondió HTTP %1 sin indicar el motivo (%2).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unexpected answer HTTP %1 from the EHR.</source>
        <translation>Respuesta inesperada HTTP %1 del EHR.</translation>
    </message>
</context>
<context>
    <name>Fhir::DateTime</name>
    <message>
        <location filename="../../core/fhir/datetime.cpp" line="+83"/>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is only a date; a full date-time with a timezone offset is needed, e.g. 2026-03-14T10:00:00-05:00</source>
        <translation>&quot;%1&quot; es solo una fecha; se necesita una fecha y hora completa con desfase de zona horaria, p. ej., 2026-03-14T10:00:00-05:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a date-time like 2026-03-14T10:00:00-05:00</source>
        <translation>&quot;%1&quot; no es una fecha y hora como 2026-03-14T10:00:00-05:00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; has no such calendar date</source>
        <translation>&quot;%1&quot; tiene una fecha que no existe en el calendario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is a leap second (:60), which cannot be recorded; give :59 instead</source>
        <translation>&quot;%1&quot; es un segundo intercalar (:60), que no se puede registrar; indique :59 en su lugar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; has no such time of day</source>
        <translation>&quot;%1&quot; tiene una hora del día que no existe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; has an offset outside -14:00..+14:00</source>
        <translation>&quot;%1&quot; tiene un desfase fuera del rango -14:00..+14:00</translation>
    </message>
</context>
<context>
    <name>Fhir::IdentifierToken</name>
    <message>
        <location filename="../../core/fhir/identifiertoken.cpp" line="+71"/>
        <source>If-None-Exist must be identifier=&lt;system&gt;|&lt;value&gt;.</source>
        <translation>If-None-Exist debe ser identifier=&lt;system&gt;|&lt;value&gt;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If-None-Exist must be identifier=&lt;system&gt;|&lt;value&gt;, with a value.</source>
        <translation>If-None-Exist debe ser identifier=&lt;system&gt;|&lt;value&gt;, con un valor.</translation>
    </message>
</context>
<context>
    <name>Fhir::OperationOutcome</name>
    <message>
        <location filename="../../core/fhir/operationoutcome.cpp" line="+60"/>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>JSON no válido: %1 en la posición %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON but not an object</source>
        <translation>JSON, pero no un objeto</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>resourceType is &quot;%1&quot;, not OperationOutcome</source>
        <translation>resourceType es &quot;%1&quot;, no OperationOutcome</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OperationOutcome.issue is missing or not an array</source>
        <translation>OperationOutcome.issue falta o no es un arreglo</translation>
    </message>
</context>
<context>
    <name>Fhir::ProcedureReader</name>
    <message>
        <location filename="../../core/fhir/procedurereader.cpp" line="+136"/>
        <source>must be %1, not %2</source>
        <translation>debe ser %1, no %2</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+109"/>
        <source>a string</source>
        <translation>una cadena de texto</translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+123"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+136"/>
        <source>an array</source>
        <translation>un arreglo</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>a boolean</source>
        <translation>un valor booleano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>holds an unpaired UTF-16 surrogate (\uD800 to \uDFFF), which is not text</source>
        <translation>contiene un sustituto UTF-16 sin pareja (\uD800 a \uDFFF), que no es texto</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&quot;%1&quot; has the offset -00:00, which says the local offset is unknown; give the offset of the place, e.g. 2026-03-14T10:00:00-05:00</source>
        <translation>&quot;%1&quot; tiene el desfase -00:00, que indica que el desfase local es desconocido; indique el desfase del lugar, p. ej., 2026-03-14T10:00:00-05:00</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>is not part of a superbill procedure and is ignored</source>
        <translation>no forma parte de un procedimiento de superbill y se ignora</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>is empty; %1 needs one coding</source>
        <translation>está vacío; %1 necesita una codificación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has %1 codings; %2 takes exactly one</source>
        <translation>tiene %1 codificaciones; %2 admite exactamente una</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>extension %1 is not used by a superbill and is ignored</source>
        <translation>la extensión %1 no se usa en un superbill y se ignora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without url</source>
        <translation>sin url</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>gives a different recorded date than Procedure.recordedDate</source>
        <translation>indica una fecha de registro distinta de Procedure.recordedDate</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a category</source>
        <translation>una categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the procedure code</source>
        <translation>el código del procedimiento</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>has both performedDateTime and performedPeriod; send exactly one</source>
        <translation>tiene performedDateTime y performedPeriod a la vez; envíe solo uno</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>is not valid JSON: %1 at offset %2</source>
        <translation>no es JSON válido: %1 en la posición %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is JSON but not an object; a Procedure resource is an object</source>
        <translation>es JSON, pero no un objeto; un recurso Procedure es un objeto</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is missing; a Procedure resource has resourceType &quot;Procedure&quot;</source>
        <translation>falta; un recurso Procedure tiene resourceType &quot;Procedure&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is %1; expected &quot;Procedure&quot;</source>
        <translation>es %1; se esperaba &quot;Procedure&quot;</translation>
    </message>
</context>
<context>
    <name>Fhir::ProcedureWriter</name>
    <message>
        <location filename="../../core/fhir/procedurewriter.cpp" line="+61"/>
        <source>holds an unpaired UTF-16 surrogate, which cannot be written as JSON; retype the text.</source>
        <translation>contiene un sustituto UTF-16 sin pareja, que no se puede escribir como JSON; vuelva a escribir el texto.</translation>
    </message>
</context>
<context>
    <name>Fhir::ResourceCheck</name>
    <message>
        <location filename="../../core/fhir/resourcecheck.cpp" line="+25"/>
        <source>resourceType is &quot;%1&quot;, not %2</source>
        <translation>resourceType es &quot;%1&quot;, no %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 without an id</source>
        <translation>%1 sin id</translation>
    </message>
</context>
<context>
    <name>Outbox::OutboxStore</name>
    <message>
        <location filename="../../core/outbox/outboxstore.cpp" line="+542"/>
        <source>%1 is not an outbox, or it is damaged (%2). It was left unchanged; keep it, and give another file (--db or SUPERBILL_DB).</source>
        <translation>%1 no es una bandeja de salida o está dañado (%2). No se modificó; consérvelo e indique otro archivo (--db o SUPERBILL_DB).</translation>
    </message>
    <message>
        <location line="+110"/>
        <location line="+189"/>
        <source>The outbox is not open.</source>
        <translation>La bandeja de salida no está abierta.</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>The line has no client identifier (system urn:ietf:rfc:3986); it was not queued.</source>
        <translation>La línea no tiene identificador de cliente (sistema urn:ietf:rfc:3986); no se puso en cola.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The line needs a patient (Patient/&lt;id&gt;) and an encounter (Encounter/&lt;id&gt;); it was not queued.</source>
        <translation>La línea necesita un paciente (Patient/&lt;id&gt;) y una consulta (Encounter/&lt;id&gt;); no se puso en cola.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>This line (%1) is already in the outbox as line %2.</source>
        <translation>Esta línea (%1) ya está en la bandeja de salida como línea %2.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>line %1 is not being sent</source>
        <translation>la línea %1 no se está enviando</translation>
    </message>
    <message>
        <location line="+269"/>
        <location line="+12"/>
        <source>There is no line %1 in the outbox.</source>
        <translation>No existe la línea %1 en la bandeja de salida.</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>it is being sent right now</source>
        <translation>se está enviando en este momento</translation>
    </message>
    <message>
        <location line="-786"/>
        <source>its schema version cannot be read</source>
        <translation>no se puede leer su versión de esquema</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>its lines table does not hold the state rule an outbox has</source>
        <translation>su tabla de líneas no tiene la regla de estados de una bandeja de salida</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>%1. Lines already queued are kept.</source>
        <translation>%1. Las líneas que ya estaban en cola se conservan.</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>The line was not saved: %1</source>
        <translation>La línea no se guardó: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None of the %1 lines was saved: %2</source>
        <translation>No se guardó ninguna de las %1 líneas: %2</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>The identifier %1 is given to two lines.</source>
        <translation>El identificador %1 está asignado a dos líneas.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>None of the %1 lines was saved: line %2 is being sent right now</source>
        <translation>No se guardó ninguna de las %1 líneas: la línea %2 se está enviando en este momento</translation>
    </message>
    <message>
        <location line="+284"/>
        <source>Line %1 is %2; only pending or needs-correction lines can be retried.</source>
        <translation>La línea %1 está en estado %2; solo se pueden reintentar las líneas pendientes o que necesitan corrección.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1 could not be retried: %2</source>
        <translation>No se pudo reintentar la línea %1: %2</translation>
    </message>
    <message>
        <location line="-342"/>
        <location line="+348"/>
        <source>Line %1 is %2; only pending or needs-correction lines can be changed.</source>
        <translation>La línea %1 está en estado %2; solo se pueden modificar las líneas pendientes o que necesitan corrección.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <source>Line %1 could not be changed: %2</source>
        <translation>No se pudo modificar la línea %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1 is %2; only pending or needs-correction lines can be discarded.</source>
        <translation>La línea %1 está en estado %2; solo se pueden descartar las líneas pendientes o que necesitan corrección.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line %1 could not be discarded: %2</source>
        <translation>No se pudo descartar la línea %1: %2</translation>
    </message>
</context>
<context>
    <name>Outbox::PatientDirectory</name>
    <message>
        <location filename="../../core/outbox/patientdirectory.cpp" line="+115"/>
        <source>Encounter %1 is billed: the EHR takes no more lines for it. Ask the clinician to reopen the encounter, or move the line to another open encounter, or discard it.</source>
        <translation>La consulta %1 está facturada: el EHR ya no acepta líneas para ella. Pida al médico que reabra la consulta, pase la línea a otra consulta abierta o descártela.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encounter %1 is signed off: the EHR takes no more lines for it. Ask the clinician to reopen the encounter, or move the line to another open encounter, or discard it.</source>
        <translation>La consulta %1 está firmada: el EHR ya no acepta líneas para ella. Pida al médico que reabra la consulta, pase la línea a otra consulta abierta o descártela.</translation>
    </message>
</context>
<context>
    <name>Outbox::Sender</name>
    <message>
        <location filename="../../core/outbox/sender.cpp" line="+96"/>
        <location line="+445"/>
        <source>The outbox is not open.</source>
        <translation>La bandeja de salida no está abierta.</translation>
    </message>
    <message>
        <location line="-387"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>The EHR says it speaks FHIR %1, not R4; lines may be refused.</source>
        <translation>El EHR indica que usa FHIR %1, no R4; es posible que rechace líneas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no version)</source>
        <translation>(sin versión)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The EHR does not support conditional create; a line whose answer was lost is matched by its identifier instead.</source>
        <translation>El EHR no admite la creación condicional; una línea cuya respuesta se perdió se busca en su lugar por su identificador.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Another program (%1, process %2) is already sending from this outbox; it sends these lines.</source>
        <translation>Otro programa (%1, proceso %2) ya está enviando desde esta bandeja de salida; ese programa envía estas líneas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: cannot create the outbox&apos;s lock file; check that its folder is writable.</source>
        <translation>%1: no se puede crear el archivo de bloqueo de la bandeja de salida; verifique que se pueda escribir en su carpeta.</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>The stored line could not be read back; it was not sent.</source>
        <translation>No se pudo volver a leer la línea guardada; no se envió.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Looking up the line in the EHR failed: %1</source>
        <translation>Falló la búsqueda de la línea en el EHR: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The EHR already has the same procedure, recorded by someone else (not by this line). Discard this line if it is the same one.</source>
        <translation>El EHR ya tiene el mismo procedimiento, registrado por otra persona (no por esta línea). Descarte esta línea si se trata del mismo.</translation>
    </message>
</context>
<context>
    <name>Print::SuperbillPdf</name>
    <message>
        <location filename="../../ui/print/superbillpdf.cpp" line="+71"/>
        <source>(practice name: see Settings)</source>
        <translation>(nombre del consultorio: vea Configuración)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SUPERBILL</source>
        <translation>SUPERBILL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printed %1</source>
        <translation>Impreso: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MRN:</source>
        <translation>MRN:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encounter:</source>
        <translation>Consulta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encounter id:</source>
        <translation>Id de la consulta:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnoses (ICD-10-CM)</source>
        <translation>Diagnósticos (ICD-10-CM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pointer</source>
        <translation>Puntero</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ICD-10-CM</source>
        <translation>ICD-10-CM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No diagnosis linked.</source>
        <translation>Ningún diagnóstico vinculado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Procedures (CPT)</source>
        <translation>Procedimientos (CPT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pointers</source>
        <translation>Punteros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No procedure line has been entered for this encounter.</source>
        <translation>No se ha ingresado ninguna línea de procedimiento para esta consulta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 procedure line.</source>
        <translation>1 línea de procedimiento.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n procedure lines.</source>
        <translation>
            <numerusform>%n línea de procedimiento.</numerusform>
            <numerusform>%n líneas de procedimiento.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pointers refer to the diagnoses above, the first letter to the primary one. Printed by Superbill Desk.</source>
        <translation>Los punteros remiten a los diagnósticos de arriba; la primera letra, al principal. Impreso por Superbill Desk.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+12"/>
        <source>cannot write the PDF: %1</source>
        <translation>no se puede escribir el PDF: %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Superbill</source>
        <translation>Superbill</translation>
    </message>
</context>
<context>
    <name>Print::SuperbillPrintout</name>
    <message>
        <location filename="../../ui/print/superbillprintout.cpp" line="+36"/>
        <source>%1 to %2 (%3 min)</source>
        <translation>%1 a %2 (%3 min)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting to retry</source>
        <translation>Por reintentar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent (Procedure/%1)</source>
        <translation>Enviada (Procedure/%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs correction</source>
        <translation>Por corregir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs correction: %1 %2</source>
        <translation>Por corregir: %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discarded</source>
        <translation>Descartada</translation>
    </message>
</context>
<context>
    <name>Rules::Categories</name>
    <message>
        <location filename="../../core/rules/categories.cpp" line="+14"/>
        <source>Surgical procedure</source>
        <translation>Procedimiento quirúrgico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnostic procedure</source>
        <translation>Procedimiento diagnóstico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counseling</source>
        <translation>Consejería</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Psychiatry procedure or service</source>
        <translation>Procedimiento o servicio de psiquiatría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chiropractic manipulation</source>
        <translation>Manipulación quiropráctica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Social service procedure</source>
        <translation>Procedimiento de servicio social</translation>
    </message>
</context>
<context>
    <name>Rules::CodeClassifier</name>
    <message>
        <location filename="../../core/rules/codeclassifier.cpp" line="+100"/>
        <source>not a procedure code</source>
        <translation>no es un código de procedimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPT Category I</source>
        <translation>CPT categoría I</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPT anesthesia (00100-01999)</source>
        <translation>CPT de anestesia (00100-01999)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPT Category II (performance measurement)</source>
        <translation>CPT categoría II (medición del desempeño)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPT Category III (emerging technology)</source>
        <translation>CPT categoría III (tecnología emergente)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPT proprietary laboratory analysis</source>
        <translation>CPT de análisis de laboratorio patentado (PLA)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CDT dental code</source>
        <translation>código dental CDT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HCPCS Level II code (not CPT)</source>
        <translation>código HCPCS de nivel II (no es CPT)</translation>
    </message>
</context>
<context>
    <name>Rules::ErrorCatalog</name>
    <message>
        <location filename="../../core/rules/errorcatalog.cpp" line="+102"/>
        <source>The EHR reported an error without a code.</source>
        <translation>El EHR informó un error sin código.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The EHR reported error code %1, which this version of Superbill Desk does not know. Ask the EHR administrator what it means.</source>
        <translation>El EHR informó el código de error %1, que esta versión de Superbill Desk no conoce. Pregunte al administrador del EHR qué significa.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Type a CPT code, or words from its description and pick it from the list.</source>
        <translation>Escriba un código CPT, o palabras de su descripción, y elíjalo de la lista.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the description, or pick the code from the list to fill it.</source>
        <translation>Escriba la descripción, o elija el código de la lista para completarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the dental code; dental work is billed elsewhere.</source>
        <translation>Quite el código dental; los trabajos dentales se facturan en otro lugar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the anesthesia start and end.</source>
        <translation>Indique el inicio y el fin de la anestesia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the end time, or the start.</source>
        <translation>Corrija la hora de fin, o la de inicio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlink the second one (Delete in the list).</source>
        <translation>Desvincule el segundo (Delete en la lista).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link one of the patient&apos;s own diagnoses instead.</source>
        <translation>Vincule en su lugar uno de los diagnósticos del propio paciente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the clinician to reopen the encounter, or put the line on an open one.</source>
        <translation>Pida al médico que reabra la consulta, o ponga la línea en una consulta abierta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the billing office to reopen the encounter, or put the line on an open one.</source>
        <translation>Pida a la oficina de facturación que reabra la consulta, o ponga la línea en una consulta abierta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the lines already sent; submit it again only if it was done twice.</source>
        <translation>Revise las líneas ya enviadas; vuelva a enviarla solo si se realizó dos veces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick the encounter again from the patient&apos;s list (F5 reloads it).</source>
        <translation>Vuelva a elegir la consulta de la lista del paciente (F5 la recarga).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search for the patient again (Ctrl+F).</source>
        <translation>Vuelva a buscar al paciente (Ctrl+F).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the date and the time.</source>
        <translation>Revise la fecha y la hora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the performed and the recorded times.</source>
        <translation>Revise las horas de realización y de registro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the time the anesthesia ended.</source>
        <translation>Indique la hora en que terminó la anestesia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the current code, or ask whether this one is still billable.</source>
        <translation>Use el código vigente, o pregunte si este todavía es facturable.</translation>
    </message>
</context>
<context>
    <name>Rules::Validator</name>
    <message>
        <location filename="../../core/rules/validator.cpp" line="+101"/>
        <source>%1 at %2 is already on this encounter; the EHR may refuse it as a duplicate. Submit it again only if it was done twice.</source>
        <translation>%1 a las %2 ya está en esta consulta; el EHR puede rechazarlo por duplicado. Vuelva a enviarlo solo si se realizó dos veces.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Status is missing; use completed or entered-in-error.</source>
        <translation>Falta el estado; use completed o entered-in-error.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status &quot;%1&quot; is not allowed; use completed or entered-in-error.</source>
        <translation>El estado &quot;%1&quot; no está permitido; use completed o entered-in-error.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Category must be coded in SNOMED CT (%1).</source>
        <translation>La categoría debe estar codificada en SNOMED CT (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category %1 is not one of the EHR&apos;s procedure categories.</source>
        <translation>La categoría %1 no es una de las categorías de procedimiento del EHR.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A CPT code is required.</source>
        <translation>Se requiere un código CPT.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a dental code; dental codes cannot be on this superbill.</source>
        <translation>%1 es un código dental; los códigos dentales no pueden ir en este superbill.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is an HCPCS Level II code; the EHR accepts only CPT codes.</source>
        <translation>%1 es un código HCPCS de nivel II; el EHR solo acepta códigos CPT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a CPT code (five digits, or four digits and F, T or U).</source>
        <translation>&quot;%1&quot; no es un código CPT (cinco dígitos, o cuatro dígitos y F, T o U).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is inactive in the code catalog; check that it is still billable.</source>
        <translation>%1 está inactivo en el catálogo de códigos; verifique que todavía sea facturable.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The code system is missing; it must be CPT (%1).</source>
        <translation>Falta el sistema de codificación; debe ser CPT (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code system %1 is not accepted; only CPT (%2) is.</source>
        <translation>No se acepta el sistema de codificación %1; solo se acepta CPT (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CPT code needs its description.</source>
        <translation>El código CPT necesita su descripción.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The patient is missing.</source>
        <translation>Falta el paciente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a patient reference like Patient/123.</source>
        <translation>&quot;%1&quot; no es una referencia a un paciente como Patient/123.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Patient %1 does not exist in the EHR.</source>
        <translation>El paciente %1 no existe en el EHR.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The encounter is missing.</source>
        <translation>Falta la consulta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not an encounter reference like Encounter/123.</source>
        <translation>&quot;%1&quot; no es una referencia a una consulta como Encounter/123.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Encounter %1 does not exist in the EHR.</source>
        <translation>La consulta %1 no existe en el EHR.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encounter %1 is not an encounter of patient %2.</source>
        <translation>La consulta %1 no es una consulta del paciente %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Encounter %1 is already billed; procedures can no longer be added to it.</source>
        <translation>La consulta %1 ya está facturada; ya no se le pueden agregar procedimientos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encounter %1 is signed off; procedures can no longer be added to it.</source>
        <translation>La consulta %1 ya está firmada; ya no se le pueden agregar procedimientos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encounter %1 has status &quot;%2&quot;; procedures can be added only while it is in progress.</source>
        <translation>La consulta %1 tiene el estado &quot;%2&quot;; solo se pueden agregar procedimientos mientras está en curso.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2 does not exist in %3: the clocks were put forward at that hour. Check the time.</source>
        <translation>%1 %2 no existe en %3: los relojes se adelantaron a esa hora. Revise la hora.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2 happens twice in %3 (the clocks were put back); it is sent as %4. Check that this is the right one of the two.</source>
        <translation>%1 %2 ocurre dos veces en %3 (los relojes se atrasaron); se envía como %4. Verifique que sea la correcta de las dos.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The time has no timezone offset; give one, e.g. -05:00.</source>
        <translation>La hora no tiene desfase de zona horaria; indique uno, p. ej., -05:00.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This time is in the future; check the date and the time zone.</source>
        <translation>Esta hora está en el futuro; revise la fecha y la zona horaria.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is not an anesthesia code: give performedDateTime, the start of the procedure, instead of a period.</source>
        <translation>%1 no es un código de anestesia: indique performedDateTime, el inicio del procedimiento, en lugar de un período.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The performed date and time is required.</source>
        <translation>Se requiere la fecha y hora de realización.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is an anesthesia code: give the anesthesia start and end (performedPeriod) instead of a single time.</source>
        <translation>%1 es un código de anestesia: indique el inicio y el fin de la anestesia (performedPeriod) en lugar de una sola hora.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The anesthesia start time is required.</source>
        <translation>Se requiere la hora de inicio de la anestesia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The anesthesia end time is required.</source>
        <translation>Se requiere la hora de fin de la anestesia.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The end is before the start.</source>
        <translation>El fin es anterior al inicio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start and end are the same time.</source>
        <translation>El inicio y el fin son la misma hora.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The anesthesia lasted %1 hours; check the start and end.</source>
        <translation>La anestesia duró %1 horas; revise el inicio y el fin.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The recorded date has no timezone offset; give one.</source>
        <translation>La fecha de registro no tiene desfase de zona horaria; indique uno.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The recorded date is before the procedure was performed.</source>
        <translation>La fecha de registro es anterior a la realización del procedimiento.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The linked diagnosis is empty.</source>
        <translation>El diagnóstico vinculado está vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a diagnosis reference like Condition/123.</source>
        <translation>&quot;%1&quot; no es una referencia a un diagnóstico como Condition/123.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Diagnosis %1 is linked twice.</source>
        <translation>El diagnóstico %1 está vinculado dos veces.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Diagnosis %1 is not among the patient&apos;s diagnoses.</source>
        <translation>El diagnóstico %1 no está entre los diagnósticos del paciente.</translation>
    </message>
</context>
<context>
    <name>Superbill::PracticeDetails</name>
    <message>
        <location filename="../../core/superbill/practice.cpp" line="+64"/>
        <source>cannot write the practice details</source>
        <translation>no se pueden guardar los datos del consultorio</translation>
    </message>
</context>
<context>
    <name>Superbill::SuperbillTemplate</name>
    <message>
        <location filename="../../core/superbill/superbilltemplate.cpp" line="+60"/>
        <source>not valid JSON: %1</source>
        <translation>no es JSON válido: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a superbill template is a JSON object with &quot;format&quot;: &quot;%1&quot;</source>
        <translation>una plantilla de superbill es un objeto JSON con &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>unknown member &quot;%1&quot; (known here: %2)</source>
        <translation>miembro desconocido &quot;%1&quot; (aquí se conocen: %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; must be text</source>
        <translation>&quot;%1&quot; debe ser texto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is %2 characters long; at most %3 fit on the form</source>
        <translation>&quot;%1&quot; tiene %2 caracteres; en el formulario caben como máximo %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;format&quot; must be &quot;%1&quot;</source>
        <translation>&quot;format&quot; debe ser &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;version&quot; must be %1, the version this Superbill Desk reads</source>
        <translation>&quot;version&quot; debe ser %1, la versión que lee este Superbill Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;sections&quot; must be a list of at least one section</source>
        <translation>&quot;sections&quot; debe ser una lista de al menos una sección</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a section is an object with a &quot;title&quot; and its &quot;codes&quot;</source>
        <translation>una sección es un objeto con un &quot;title&quot; y sus &quot;codes&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the section needs a &quot;title&quot;</source>
        <translation>la sección necesita un &quot;title&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the section &quot;%1&quot; needs a list of at least one code in &quot;codes&quot;</source>
        <translation>la sección &quot;%1&quot; necesita en &quot;codes&quot; una lista de al menos un código</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>category %1 is not one the EHR takes: %2</source>
        <translation>la categoría %1 no es una de las que acepta el EHR: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;timeRequired&quot; must be true or false</source>
        <translation>&quot;timeRequired&quot; debe ser true o false</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code is &quot;99213&quot; or {&quot;code&quot;: &quot;99213&quot;, &quot;label&quot;: ...}</source>
        <translation>un código es &quot;99213&quot; o {&quot;code&quot;: &quot;99213&quot;, &quot;label&quot;: ...}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the entry has no &quot;code&quot;</source>
        <translation>la entrada no tiene &quot;code&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is on the form twice (first on line %2)</source>
        <translation>%1 está dos veces en el formulario (la primera, en la línea %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; is not a procedure code (CPT: five digits, or four digits and F, T or U)</source>
        <translation>&quot;%1&quot; no es un código de procedimiento (CPT: cinco dígitos, o cuatro dígitos y F, T o U)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is an HCPCS Level II code; the EHR takes only CPT codes</source>
        <translation>%1 es un código HCPCS de nivel II; el EHR solo acepta códigos CPT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a dental code; the EHR refuses dental procedures (500034)</source>
        <translation>%1 es un código dental; el EHR rechaza los procedimientos dentales (500034)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not in the code catalog</source>
        <translation>%1 no está en el catálogo de códigos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is inactive in the code catalog</source>
        <translation>%1 está inactivo en el catálogo de códigos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not an anesthesia code in the catalog, and the EHR takes a start and end only for those; drop &quot;timeRequired&quot; or flag the code as anesthesia in the catalog</source>
        <translation>%1 no es un código de anestesia en el catálogo, y el EHR solo acepta inicio y fin para esos códigos; quite &quot;timeRequired&quot; o marque el código como de anestesia en el catálogo</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The superbill template kept in the code catalog cannot be read (%1); import it again.</source>
        <translation>No se puede leer la plantilla del superbill guardada en el catálogo de códigos (%1); vuelva a importarla.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the code catalog %1 has no codes; import the practice&apos;s codes first</source>
        <translation>el catálogo de códigos %1 no tiene códigos; importe primero los códigos del consultorio</translation>
    </message>
</context>
<context>
    <name>Ui::CodeCompletionModel</name>
    <message>
        <location filename="../../ui/codecompletionmodel.cpp" line="+61"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Ui::CodeField</name>
    <message>
        <location filename="../../ui/codefield.cpp" line="+50"/>
        <source>A CPT code, or words of its description. ↓ shows favourites and recent codes; Ctrl+B stars the code.</source>
        <translation>Un código CPT, o palabras de su descripción. ↓ muestra los favoritos y los códigos recientes; Ctrl+B marca el código como favorito.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Matching codes</source>
        <translation>Códigos que coinciden</translation>
    </message>
</context>
<context>
    <name>Ui::DiagnosisLinksEditor</name>
    <message>
        <location filename="../../ui/diagnosislinkseditor.cpp" line="+79"/>
        <source>Link the same diagnoses as the previous line</source>
        <translation>Vincular los mismos diagnósticos que la línea anterior</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Same diagnoses (Ctrl+D): %1</source>
        <translation>Mismos diagnósticos (Ctrl+D): %1</translation>
    </message>
</context>
<context>
    <name>Ui::DrillPanel</name>
    <message>
        <location filename="../../ui/drillpanel.cpp" line="+23"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drill</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Check my work</source>
        <translation>C&amp;omprobar mi trabajo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the check found</source>
        <translation>Lo que encontró la comprobación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Try again</source>
        <translation>Intentar de &amp;nuevo</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The EHR answers again.</source>
        <translation>El EHR vuelve a responder.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Setting up the drill…</source>
        <translation>Preparando el ejercicio…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking what the training EHR holds…</source>
        <translation>Comprobando lo que contiene el EHR de capacitación…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Show a &amp;hint (%n left)</source>
        <translation>
            <numerusform>&amp;Mostrar una pista (queda %n)</numerusform>
            <numerusform>&amp;Mostrar una pista (quedan %n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · keystrokes: %2 · hints used: %3</source>
        <translation>%1 · pulsaciones de teclas: %2 · pistas usadas: %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Score %1% — %2 · %3 · keystrokes: %4 · hints used: %5</source>
        <translation>Puntaje %1% — %2 · %3 · pulsaciones de teclas: %4 · pistas usadas: %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>correct</source>
        <translation>correcto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not correct yet</source>
        <translation>todavía no es correcto</translation>
    </message>
</context>
<context>
    <name>Ui::DrillSession</name>
    <message>
        <location filename="../../ui/drillsession.cpp" line="+45"/>
        <source>The drill results cannot be kept: %1</source>
        <translation>No se pueden guardar los resultados del ejercicio: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drills run on the training EHR only.</source>
        <translation>Los ejercicios solo se hacen en el EHR de capacitación.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The drill&apos;s set-up Procedure %1 cannot be read.</source>
        <translation>No se puede leer el Procedure %1 de la preparación del ejercicio.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The training EHR refused the drill&apos;s set-up: %1</source>
        <translation>El EHR de capacitación rechazó la preparación del ejercicio: %1</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The check could not read the training EHR: %1 Check again when it answers.</source>
        <translation>La comprobación no pudo leer el EHR de capacitación: %1 Vuelva a comprobar cuando responda.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The check could not read the queue: %1</source>
        <translation>La comprobación no pudo leer la cola: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The result was not kept: %1</source>
        <translation>El resultado no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>Ui::DrillsDialog</name>
    <message>
        <location filename="../../ui/drillsdialog.cpp" line="+30"/>
        <source>Drills</source>
        <translation>Ejercicios</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The name results are kept under</source>
        <translation>El nombre con el que se guardan los resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trainee</source>
        <translation>&amp;Participante</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the built-in drills</source>
        <translation>Solo los ejercicios integrados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Folder…</source>
        <translation>Ca&amp;rpeta…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainer&apos;s drills</source>
        <translation>Ejercicios del instructor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Drill</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keystrokes</source>
        <translation>Pulsaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hints</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Start the drill</source>
        <translation>&amp;Iniciar el ejercicio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export results as CSV…</source>
        <translation>E&amp;xportar resultados como CSV…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export drill results</source>
        <translation>Exportar resultados de ejercicios</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose a drill.</source>
        <translation>Elija un ejercicio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the trainee&apos;s name: results are kept under it.</source>
        <translation>Indique el nombre del participante: los resultados se guardan con ese nombre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The results were not exported: %1</source>
        <translation>Los resultados no se exportaron: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results exported to %1: %2.</source>
        <translation>Resultados exportados a %1: %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not listed: %1</source>
        <translation>No listados: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hints: %1.</source>
        <translation>Pistas: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · correct</source>
        <translation> · correcto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · not correct</source>
        <translation> · no correcto</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The trainer&apos;s drills folder</source>
        <translation>La carpeta de ejercicios del instructor</translation>
    </message>
</context>
<context>
    <name>Ui::EncounterListModel</name>
    <message>
        <location filename="../../ui/encounterlistmodel.cpp" line="+62"/>
        <source>Billed: the EHR takes no more procedures for it (500010).</source>
        <translation>Facturada: el EHR ya no acepta procedimientos para esta consulta (500010).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed off: the EHR takes no more procedures for it (500009).</source>
        <translation>Firmada: el EHR ya no acepta procedimientos para esta consulta (500009).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status &quot;%1&quot;: the EHR takes procedures only while an encounter is in progress (500009).</source>
        <translation>Estado &quot;%1&quot;: el EHR acepta procedimientos solo mientras una consulta está en curso (500009).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: no lines (%2)</source>
        <translation>%1: no admite líneas (%2)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Signed off</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Billed</source>
        <translation>Facturada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partially billed</source>
        <translation>Facturada en parte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Date not given</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>Ui::EncounterPicker</name>
    <message>
        <location filename="../../ui/encounterpicker.cpp" line="+28"/>
        <source>The EHR cannot be reached and nothing is saved offline.</source>
        <translation>No se puede conectar con el EHR y no hay nada guardado sin conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The EHR cannot be reached: offline copy from %1.</source>
        <translation>No se puede conectar con el EHR: copia sin conexión del %1.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find patient by name, MRN or id</source>
        <translation>Buscar paciente por nombre, MRN o id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, MRN or id  (Ctrl+F)</source>
        <translation>Nombre, MRN o id  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Encounters</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encounters of the patient</source>
        <translation>Consultas del paciente</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Type a name or MRN.</source>
        <translation>Escriba un nombre o MRN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a patient to see the encounters.</source>
        <translation>Elija un paciente para ver sus consultas.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No patient matches.</source>
        <translation>Ningún paciente coincide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 patient</source>
        <translation>1 paciente</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n patients</source>
        <translation>
            <numerusform>%n paciente</numerusform>
            <numerusform>%n pacientes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading encounters…</source>
        <translation>Cargando consultas…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No encounters.</source>
        <translation>No hay consultas.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open of %1. Closed ones are listed for reference.</source>
        <translation>
            <numerusform>%n abierta de %1. Las cerradas se muestran como referencia.</numerusform>
            <numerusform>%n abiertas de %1. Las cerradas se muestran como referencia.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::FindingsPanel</name>
    <message>
        <location filename="../../ui/findingspanel.cpp" line="+93"/>
        <source>Findings</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Findings of the line</source>
        <translation>Observaciones de la línea</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to fix so far. Every rule the EHR enforces is checked as you type; each finding also shows beside its field, with the EHR&apos;s code.</source>
        <translation>Nada que corregir por ahora. Cada regla que aplica el EHR se verifica mientras escribe; cada observación también aparece junto a su campo, con el código del EHR.</translation>
    </message>
</context>
<context>
    <name>Ui::FormField</name>
    <message>
        <location filename="../../ui/formfield.cpp" line="+55"/>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encounter</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPT code</source>
        <translation>Código CPT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Performed</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anesthesia start</source>
        <translation>Inicio de la anestesia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anesthesia end</source>
        <translation>Fin de la anestesia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnoses</source>
        <translation>Diagnósticos</translation>
    </message>
</context>
<context>
    <name>Ui::KeychainSecretStore</name>
    <message>
        <location filename="../../ui/keychainsecretstore.cpp" line="+23"/>
        <source>Stored in the system keychain.</source>
        <translation>Guardado en el llavero del sistema.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept for this session only; it is not saved anywhere.</source>
        <translation>Se conserva solo durante esta sesión; no se guarda en ningún lugar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keychain is available (%1): kept for this session only and never written to disk.</source>
        <translation>No hay ningún llavero disponible (%1): se conserva solo durante esta sesión y nunca se escribe en el disco.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>nothing stored</source>
        <translation>no hay nada guardado</translation>
    </message>
</context>
<context>
    <name>Ui::LineDetailsDialog</name>
    <message>
        <location filename="../../ui/linedetailsdialog.cpp" line="+37"/>
        <source>Line %1 (read-only)</source>
        <translation>Línea %1 (solo lectura)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Performed</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the EHR</source>
        <translation>En el EHR</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Linked diagnoses, in order</source>
        <translation>Diagnósticos vinculados, en orden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No diagnosis linked</source>
        <translation>Ningún diagnóstico vinculado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnoses</source>
        <translation>Diagnósticos</translation>
    </message>
</context>
<context>
    <name>Ui::LineEditor</name>
    <message>
        <location filename="../../ui/lineeditor.cpp" line="+131"/>
        <location line="+171"/>
        <location line="+2"/>
        <location line="+411"/>
        <source>New line</source>
        <translation>Nueva línea</translation>
    </message>
    <message>
        <location filename="../../ui/codefield.cpp" line="-17"/>
        <source>CPT code</source>
        <translation>Código CPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code or words</source>
        <translation>Código o palabras</translation>
    </message>
    <message>
        <location filename="../../ui/lineeditor.cpp" line="-513"/>
        <source>CPT description</source>
        <translation>Descripción CPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (filled from the code catalog)</source>
        <translation>Descripción (se completa desde el catálogo de códigos)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CPT &amp;code</source>
        <translation>&amp;Código CPT</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No category</source>
        <translation>Sin categoría</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SNOMED CT %1</source>
        <translation>SNOMED CT %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;ategory</source>
        <translation>Ca&amp;tegoría</translation>
    </message>
    <message>
        <location filename="../../ui/proceduretimeeditor.cpp" line="+47"/>
        <source>Performed date and time</source>
        <translation>Fecha y hora de realización</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>&amp;Performed</source>
        <translation>&amp;Realizado</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Anesthesia start</source>
        <translation>Inicio de la anestesia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anesthesia end</source>
        <translation>Fin de la anestesia</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Start</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Anesthesia</source>
        <translation>Anestesia</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosislinkseditor.cpp" line="-150"/>
        <source>Diagnosis to link</source>
        <translation>Diagnóstico para vincular</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter links the diagnosis to the line</source>
        <translation>Enter vincula el diagnóstico a la línea</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link diagnosis</source>
        <translation>Vincular diagnóstico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the selected diagnosis (Enter)</source>
        <translation>Vincular el diagnóstico seleccionado (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/lineeditor.cpp" line="+18"/>
        <source>&amp;Diagnoses</source>
        <translation>&amp;Diagnósticos</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosislinkseditor.cpp" line="+18"/>
        <source>Linked diagnoses, in order</source>
        <translation>Diagnósticos vinculados, en orden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+Up / Alt+Down reorder, Delete unlinks</source>
        <translation>Alt+Up / Alt+Down cambian el orden; Delete desvincula</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move up (Alt+Up)</source>
        <translation>Subir (Alt+Up)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move down (Alt+Down)</source>
        <translation>Bajar (Alt+Down)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlink (Delete)</source>
        <translation>Desvincular (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/lineeditor.cpp" line="+8"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>Start a new line?</source>
        <translation>¿Empezar una línea nueva?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Same &amp;diagnoses as the previous line</source>
        <translation>Mismos &amp;diagnósticos que la línea anterior</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No encounter yet: Ctrl+F, type a name or MRN, Enter. The patient&apos;s only open encounter opens by itself; otherwise pick one with ↑/↓ and Enter.</source>
        <translation>Todavía no hay consulta: Ctrl+F, escriba un nombre o MRN, Enter. Si el paciente tiene una sola consulta abierta, se abre sola; si no, elija una con ↑/↓ y Enter.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The patient&apos;s only open encounter was picked for you; Ctrl+E lists the others.</source>
        <translation>Se eligió por usted la única consulta abierta del paciente; Ctrl+E muestra las demás.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The patient has no other open encounter</source>
        <translation>El paciente no tiene otra consulta abierta</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This encounter is %1: the EHR takes no more lines for it, and its lines are shown read-only. To add lines to it, ask the clinician to reopen the encounter.</source>
        <translation>Esta consulta está %1: el EHR ya no acepta líneas para ella, y sus líneas se muestran como solo lectura. Para agregarle líneas, pida al médico que reabra la consulta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Or move this line to another open encounter of the patient (code, times and diagnoses are kept), or discard it.</source>
        <translation>O pase esta línea a otra consulta abierta del paciente (se conservan el código, las horas y los diagnósticos), o descártela.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Line moved to %1: check it, then resend it with Ctrl+Enter.</source>
        <translation>Línea pasada a %1: revísela y luego reenvíela con Ctrl+Enter.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Entered in error</source>
        <translation>Ingresado por error</translation>
    </message>
    <message>
        <location line="-461"/>
        <source>Recorded date and time</source>
        <translation>Fecha y hora de registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follows the current time until you change it</source>
        <translation>Sigue la hora actual hasta que usted la cambie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recorded</source>
        <translation>Re&amp;gistrado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;tatus</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Clear the form for the next line (Ctrl+N)</source>
        <translation>Limpiar el formulario para la siguiente línea (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+406"/>
        <source>Submit line</source>
        <translation>Enviar línea</translation>
    </message>
    <message>
        <location line="-405"/>
        <source>Queue the line for the EHR (Ctrl+Enter)</source>
        <translation>Poner la línea en cola para el EHR (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is now a favourite: ↓ in an empty CPT code offers it first.</source>
        <translation>%1 ahora es un favorito: ↓ en un código CPT vacío lo ofrece primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is no longer a favourite.</source>
        <translation>%1 ya no es un favorito.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Open encounter to move the line to</source>
        <translation>Consulta abierta a la que pasar la línea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Move to this encounter</source>
        <translation>&amp;Mover a esta consulta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the line to the chosen open encounter</source>
        <translation>Pasar la línea a la consulta abierta elegida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard line…</source>
        <translation>Descartar línea…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard the line</source>
        <translation>Descartar la línea</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Submit anyway</source>
        <translation>Enviar de todos modos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit the line with its warnings</source>
        <translation>Enviar la línea con sus advertencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the field</source>
        <translation>Volver al campo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Submit line</source>
        <translation>&amp;Enviar línea</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New line</source>
        <translation>&amp;Nueva línea</translation>
    </message>
    <message>
        <location line="+377"/>
        <source>Suggested from the code; change it if it is wrong</source>
        <translation>Sugerida a partir del código; cámbiela si no es correcta</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Submit with this warning?</source>
        <translation>¿Enviar con esta advertencia?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Submit with these %n warnings?</source>
        <translation>
            <numerusform>¿Enviar con esta %n advertencia?</numerusform>
            <numerusform>¿Enviar con estas %n advertencias?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter submits; Esc goes back to the field.</source>
        <translation>Enter envía; Esc vuelve al campo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One warning stands: %1. Enter submits anyway; Esc goes back.</source>
        <translation>Queda una advertencia: %1. Enter envía de todos modos; Esc vuelve.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warnings stand. Enter submits anyway; Esc goes back.</source>
        <translation>
            <numerusform>Queda %n advertencia. Enter envía de todos modos; Esc vuelve.</numerusform>
            <numerusform>Quedan %n advertencias. Enter envía de todos modos; Esc vuelve.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-324"/>
        <source>The encounter has no diagnoses</source>
        <translation>La consulta no tiene diagnósticos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick an encounter first</source>
        <translation>Primero elija una consulta</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Marks the line as a mistake</source>
        <translation>Marca la línea como error</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Correcting line</source>
        <translation>Corrección de línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resend line</source>
        <translation>Reenviar línea</translation>
    </message>
    <message>
        <location filename="../../ui/codefield.cpp" line="+97"/>
        <source>Type a code or words from its description; ↓ shows favourites and recent codes</source>
        <translation>Escriba un código o palabras de su descripción; ↓ muestra los favoritos y los códigos recientes</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No code matches “%1”; the list shows the closest suggestions</source>
        <translation>Ningún código coincide con “%1”; la lista muestra las sugerencias más cercanas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No code matches “%1”</source>
        <translation>Ningún código coincide con “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/proceduretimeeditor.cpp" line="+56"/>
        <source>End before start</source>
        <translation>Fin antes del inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>≈ 1 time unit</source>
        <translation>≈ 1 unidad de tiempo</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>≈ %n time units</source>
        <translation>
            <numerusform>≈ %n unidad de tiempo</numerusform>
            <numerusform>≈ %n unidades de tiempo</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — estimate, %1 min per unit</source>
        <translation> — estimado, %1 min por unidad</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>A preview only: the EHR computes the billed anesthesia units from its own configuration.</source>
        <translation>Solo es una vista previa: el EHR calcula las unidades de anestesia facturadas según su propia configuración.</translation>
    </message>
    <message>
        <location filename="../../ui/findingspresenter.cpp" line="+54"/>
        <source>The EHR answered: %1</source>
        <translation>Respuesta del EHR: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Pick an encounter to enter lines</source>
        <translation>Elija una consulta para ingresar líneas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still to fill: %1</source>
        <translation>Falta completar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 error to fix</source>
        <translation>1 error por corregir</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n errors to fix</source>
        <translation>
            <numerusform>%n error por corregir</numerusform>
            <numerusform>%n errores por corregir</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, 1 warning</source>
        <translation>, 1 advertencia</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>, %n warnings</source>
        <translation>
            <numerusform>, %n advertencia</numerusform>
            <numerusform>, %n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · 1 warning</source>
        <translation> · 1 advertencia</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source> · %n warnings</source>
        <translation>
            <numerusform> · %n advertencia</numerusform>
            <numerusform> · %n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready to submit — 1 warning to confirm</source>
        <translation>Lista para enviar — 1 advertencia por confirmar</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ready to submit — %n warnings to confirm</source>
        <translation>
            <numerusform>Lista para enviar — %n advertencia por confirmar</numerusform>
            <numerusform>Lista para enviar — %n advertencias por confirmar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to submit</source>
        <translation>Lista para enviar</translation>
    </message>
    <message>
        <location filename="../../ui/lineeditor.cpp" line="+263"/>
        <source>Not submitted: pick an open encounter first.</source>
        <translation>No se envió: primero elija una consulta abierta.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not submitted: 1 error to fix first.</source>
        <translation>No se envió: primero corrija 1 error.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Not submitted: %n errors to fix first.</source>
        <translation>
            <numerusform>No se envió: primero corrija %n error.</numerusform>
            <numerusform>No se envió: primero corrija %n errores.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not submitted: %1</source>
        <translation>No se envió: %1</translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+141"/>
        <source>The EHR refused the token: %1 Enter a new one in Settings.</source>
        <translation>El EHR rechazó el token: %1 Ingrese uno nuevo en Configuración.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>EHR: %1</source>
        <translation>EHR: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The EHR refused the %1 line: correct it from the Queue (Ctrl+2), or discard it.</source>
        <translation>El EHR rechazó la línea %1: corríjala desde la Cola (Ctrl+2) o descártela.</translation>
    </message>
    <message>
        <location filename="../../ui/trainingtexts.cpp" line="+58"/>
        <source>Training — not a real EHR. Demo patients only; nothing here reaches a chart.</source>
        <translation>Capacitación — no es un EHR real. Solo pacientes de demostración; nada de lo que haga aquí llega a un expediente.</translation>
    </message>
    <message>
        <location filename="../../ui/trainingbanner.cpp" line="+37"/>
        <source>Training — not a real EHR</source>
        <translation>Capacitación — no es un EHR real</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="-99"/>
        <source>No SMART sign-in found: %1. Use a bearer token, or check the address.</source>
        <translation>No se encontró inicio de sesión SMART: %1. Use un token de acceso (Bearer) o revise la dirección.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SMART sign-in cannot be used here: %1.</source>
        <translation>El inicio de sesión SMART no se puede usar aquí: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SMART sign-in found (%1): sign-in page %2, token endpoint %3, PKCE %4, %5 scopes.</source>
        <translation>Inicio de sesión SMART encontrado (%1): página de inicio de sesión %2, endpoint de token %3, PKCE %4, ámbitos %5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CapabilityStatement</source>
        <translation>CapabilityStatement</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+12"/>
        <source>The EHR refused the sign-in: %1 Sign in again (Training menu).</source>
        <translation>El EHR rechazó el inicio de sesión: %1 Vuelva a iniciar sesión (menú Capacitación).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not signed in: %1 Sign in with File → Sign in to the EHR (%2).</source>
        <translation>Sesión no iniciada: %1 Inicie sesión con Archivo → Iniciar sesión en el EHR (%2).</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+628"/>
        <source>Lines of this encounter</source>
        <translation>Líneas de esta consulta</translation>
    </message>
    <message>
        <location line="-622"/>
        <source>Superbill lines of the encounter</source>
        <translation>Líneas del superbill de la consulta</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Superbill</source>
        <translation>Superbill</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+191"/>
        <location line="+233"/>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location line="-422"/>
        <source>Superbill form</source>
        <translation>Formulario de superbill</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 saved in the outbox; sending in the background.</source>
        <translation>%1 guardado en la bandeja de salida; se envía en segundo plano.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 corrected; sending again.</source>
        <translation>%1 corregido; se envía de nuevo.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;in to the EHR…</source>
        <translation>&amp;Iniciar sesión en el EHR…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Encounters</source>
        <translation>&amp;Consultas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Refresh encounters</source>
        <translation>&amp;Recargar consultas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload the patient&apos;s encounters and diagnoses from the EHR</source>
        <translation>Volver a cargar desde el EHR las consultas y los diagnósticos del paciente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;uperbill</source>
        <translation>&amp;Superbill</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Queue</source>
        <translation>&amp;Cola</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Superbill &amp;form</source>
        <translation>&amp;Formulario de superbill</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print superbill…</source>
        <translation>&amp;Imprimir superbill…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open queued line</source>
        <translation>&amp;Abrir línea en cola</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send queued line &amp;now</source>
        <translation>Enviar a&amp;hora la línea en cola</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Superbill Desk</source>
        <translation>Acerca &amp;de Superbill Desk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Submit line</source>
        <translation>Enviar línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New line</source>
        <translation>Nueva línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link diagnosis (in Diagnoses)</source>
        <translation>Vincular diagnóstico (en Diagnósticos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder diagnoses</source>
        <translation>Reordenar diagnósticos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All shortcuts</source>
        <translation>Todos los atajos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Line</source>
        <translation>&amp;Línea</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Superbill Desk — Training</source>
        <translation>Superbill Desk — Capacitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+52"/>
        <location line="+5"/>
        <location line="+91"/>
        <source>Superbill Desk</source>
        <translation>Superbill Desk</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>The new settings could not be used: %1

The training EHR is used instead.</source>
        <translation>No se pudo usar la nueva configuración: %1

Se usa el EHR de capacitación en su lugar.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · read-only</source>
        <translation> · solo lectura</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not signed in</source>
        <translation>Sesión no iniciada</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in for this session only: %1</source>
        <translation>Sesión iniciada solo hasta cerrar el programa: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Granted: %1
%2</source>
        <translation>Concedido: %1
%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Paused: %1</source>
        <translation>En pausa: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online · %1</source>
        <translation>En línea · %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline · %1 · lines wait and go when it answers</source>
        <translation>Sin conexión · %1 · las líneas se enviarán cuando responda</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n to correct</source>
        <translation>
            <numerusform>%n por corregir</numerusform>
            <numerusform>%n por corregir</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue empty</source>
        <translation>Cola vacía</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queue: %1</source>
        <translation>Cola: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queue (%1)</source>
        <translation>Cola (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The line being entered has not been submitted and would be lost.</source>
        <translation>La línea que se está ingresando no se ha enviado y se perdería.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The codes ticked on the superbill form have not been submitted and would be lost.</source>
        <translation>Los códigos marcados en el formulario de superbill no se han enviado y se perderían.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop the line</source>
        <translation>Desechar la línea</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The patient&apos;s open encounter is in the list: Enter opens it.</source>
        <translation>La consulta abierta del paciente está en la lista: Enter la abre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open another encounter?</source>
        <translation>¿Abrir otra consulta?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Pick an encounter to print its superbill.</source>
        <translation>Elija una consulta para imprimir su superbill.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print superbill to PDF</source>
        <translation>Imprimir superbill en PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Superbill printed to %1.</source>
        <translation>Superbill impreso en %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The superbill was not printed: %1</source>
        <translation>El superbill no se imprimió: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Lines of this encounter — %1: it takes no more lines</source>
        <translation>Líneas de esta consulta — %1: no admite más líneas</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The EHR says this encounter is %1: it takes no more lines. Ask the clinician to reopen the encounter.</source>
        <translation>Según el EHR, esta consulta está %1: no admite más líneas. Pida al médico que reabra la consulta.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>That encounter cannot be reached now.</source>
        <translation>No se puede acceder a esa consulta en este momento.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>discarded by the user</source>
        <translation>descartada por el usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not discarded: %1</source>
        <translation>No se descartó: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line discarded.</source>
        <translation>Línea descartada.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Opening the line…</source>
        <translation>Abriendo la línea…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The line cannot be read back from the outbox.</source>
        <translation>No se puede volver a leer la línea desde la bandeja de salida.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This encounter takes no more lines: move the line to another open encounter, or discard it.</source>
        <translation>Esta consulta no admite más líneas: pase la línea a otra consulta abierta o descártela.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correct the line, then resend it with Ctrl+Enter.</source>
        <translation>Corrija la línea y luego reenvíela con Ctrl+Enter.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The practice details were not saved: %1</source>
        <translation>Los datos del consultorio no se guardaron: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Switch to the other EHR?</source>
        <translation>¿Cambiar al otro EHR?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings not changed: the line being typed is kept.</source>
        <translation>No se cambió la configuración: se conserva la línea que se está escribiendo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The EHR address could not be shared with superbill-cli: %1</source>
        <translation>No se pudo compartir la dirección del EHR con superbill-cli: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About Superbill Desk</source>
        <translation>Acerca de Superbill Desk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;Superbill Desk %1&lt;/h3&gt;&lt;p&gt;Superbill entry for FHIR R4 EHRs: every rule the EHR enforces is checked as you type, and every line reaches the EHR exactly once.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Superbill Desk %1&lt;/h3&gt;&lt;p&gt;Ingreso de superbills para EHR con FHIR R4: cada regla que aplica el EHR se verifica mientras escribe, y cada línea llega al EHR exactamente una vez.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2 (se ejecuta con Qt %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Quit Superbill Desk?</source>
        <translation>¿Salir de Superbill Desk?</translation>
    </message>
</context>
<context>
    <name>Ui::OutboxLinesModel</name>
    <message>
        <location filename="../../ui/outboxlinesmodel.cpp" line="+92"/>
        <source>Waiting to retry</source>
        <translation>Por reintentar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next try at %1</source>
        <translation>Próximo intento: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next try now</source>
        <translation>Próximo intento: ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (attempt %1)</source>
        <translation> (intento %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by the EHR</source>
        <translation>Registrada por el EHR</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needs correction</source>
        <translation>Por corregir</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Discarded</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Patient not in the offline copy</source>
        <translation>Paciente fuera de la copia sin conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encounter not in the offline copy</source>
        <translation>Consulta fuera de la copia sin conexión</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Diagnoses: %1</source>
        <translation>Diagnósticos: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Performed</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encounter</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>Ui::PatientListModel</name>
    <message>
        <location filename="../../ui/patientlistmodel.cpp" line="+47"/>
        <source>born %1</source>
        <translation>nac. %1</translation>
    </message>
</context>
<context>
    <name>Ui::PresenterMode</name>
    <message>
        <location filename="../../ui/presentermode.cpp" line="+34"/>
        <source>&amp;Presenter mode</source>
        <translation>Modo &amp;presentador</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Larger text, the last keys pressed at the bottom, a thick focus frame</source>
        <translation>Texto más grande, las últimas teclas pulsadas abajo y un marco de foco grueso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Larger</source>
        <translation>&amp;Agrandar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;maller</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Actual size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keys pressed</source>
        <translation>Teclas pulsadas</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Keys pressed appear here</source>
        <translation>Aquí aparecen las teclas pulsadas</translation>
    </message>
</context>
<context>
    <name>Ui::QueueView</name>
    <message>
        <location filename="../../ui/queueview.cpp" line="+49"/>
        <source>Lines that have not reached the EHR yet. Refused lines wait for you; the others are sent on their own as soon as the EHR answers.</source>
        <translation>Líneas que todavía no llegaron al EHR. Las rechazadas esperan a que usted las corrija; las demás se envían solas en cuanto el EHR responda.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lines needing attention</source>
        <translation>Líneas que requieren atención</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing waiting: every line has reached the EHR.</source>
        <translation>Nada en espera: todas las líneas llegaron al EHR.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open and correct</source>
        <translation>Abrir y corregir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the line to correct it</source>
        <translation>Abrir la línea para corregirla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the line now</source>
        <translation>Enviar la línea ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard the line</source>
        <translation>Descartar la línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete; asks first</source>
        <translation>Delete; pide confirmación</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Open it to correct and resend (Enter), or discard it (Delete).</source>
        <translation>Ábrala para corregirla y reenviarla (Enter) o descártela (Delete).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open it (Enter) to move it, or discard it (Delete).</source>
        <translation>Ábrala (Enter) para pasarla a otra consulta o descártela (Delete).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It goes on its own when the EHR answers; Ctrl+R sends it now.</source>
        <translation>Se enviará sola cuando el EHR responda; Ctrl+R la envía ahora.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is sent in the background.</source>
        <translation>Se envía en segundo plano.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Line queued to be sent now.</source>
        <translation>Línea en cola para enviarse ahora.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not resent: %1</source>
        <translation>No se reenvió: %1</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>Discard line</source>
        <translation>Descartar línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the %1 line? It will not be sent to the EHR. It stays in the outbox&apos;s audit log.</source>
        <translation>¿Descartar la línea %1? No se enviará al EHR. Queda en el registro de auditoría de la bandeja de salida.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>discarded by the user</source>
        <translation>descartada por el usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line discarded.</source>
        <translation>Línea descartada.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not discarded: %1</source>
        <translation>No se descartó: %1</translation>
    </message>
</context>
<context>
    <name>Ui::RefuseCodeDialog</name>
    <message>
        <location filename="../../ui/refusecodedialog.cpp" line="+18"/>
        <source>Refuse the next line</source>
        <translation>Rechazar la siguiente línea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The training EHR refuses the next line sent to it with this code, as a real EHR would; the lines after it are treated normally.</source>
        <translation>El EHR de capacitación rechaza con este código la siguiente línea que reciba, como lo haría un EHR real; las líneas posteriores se tratan con normalidad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter: code, name or words of the message</source>
        <translation>Filtro: código, nombre o palabras del mensaje</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refuse with this code</source>
        <translation>Rechazar con este código</translation>
    </message>
</context>
<context>
    <name>Ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settingsdialog.cpp" line="+61"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>EHR</source>
        <translation>EHR</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Training EHR — built in, with demo patients; not a real EHR</source>
        <translation>EHR de &amp;capacitación — integrado y de demostración; no es un EHR real</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the training EHR</source>
        <translation>Usar el EHR de capacitación</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>EHR base URL</source>
        <translation>URL base del EHR</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Base &amp;URL</source>
        <translation>&amp;URL base</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+3"/>
        <source>Bearer token</source>
        <translation>Token de acceso (Bearer)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>•••••••• (unchanged)</source>
        <translation>•••••••• (sin cambios)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T&amp;oken</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FHIR dialect</source>
        <translation>Dialecto FHIR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ehr-vendor — the vendor&apos;s EHR</source>
        <translation>ehr-vendor — el EHR del proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>r4-strict — standard FHIR R4 servers</source>
        <translation>r4-strict — servidores FHIR R4 estándar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the recorded date is sent: a top-level recordedDate (ehr-vendor) or the R5 extension a strict R4 server accepts (r4-strict).</source>
        <translation>Cómo se envía la fecha de registro: un recordedDate de nivel superior (ehr-vendor) o la extensión R5 que acepta un servidor R4 estricto (r4-strict).</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>FHIR &amp;dialect</source>
        <translation>&amp;Dialecto FHIR</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&amp;SMART sign-in — a real EHR; you sign in on its page in your browser</source>
        <translation>Inicio de sesión &amp;SMART — un EHR real; usted inicia sesión en su página, en el navegador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a real EHR with SMART sign-in</source>
        <translation>Usar un EHR real con inicio de sesión SMART</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bearer token — a real EHR without SMART; paste a token</source>
        <translation>Token de acceso (&amp;Bearer) — un EHR real sin SMART; pegue un token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a real EHR with a bearer token</source>
        <translation>Usar un EHR real con un token de acceso (Bearer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in method:</source>
        <translation>Método de inicio de sesión:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>SMART client id</source>
        <translation>ID de cliente SMART</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client &amp;id</source>
        <translation>&amp;ID de cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client id the EHR&apos;s administrator registered for Superbill Desk as a public native app: no client secret, PKCE S256. Empty: %1.</source>
        <translation>El ID de cliente que el administrador del EHR registró para Superbill Desk como aplicación nativa pública: sin secreto de cliente, PKCE S256. Vacío: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redirect port</source>
        <translation>Puerto de redirección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any free port</source>
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redirect port</source>
        <translation>Puerto de &amp;redirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sign-in comes back to http://127.0.0.1:PORT/ on this computer only. Leave &quot;any free port&quot; unless the EHR registers a fixed one.</source>
        <translation>El inicio de sesión vuelve a http://127.0.0.1:PUERTO/, solo en esta computadora. Deje &quot;cualquier puerto libre&quot; salvo que el EHR registre uno fijo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SMART scopes</source>
        <translation>Ámbitos SMART</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sco&amp;pes</source>
        <translation>Á&amp;mbitos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: %1 (the v1 names, such as user/Procedure.write, when the EHR lists only permission-v1). Without user/Procedure.c lines are kept in the queue and not sent. The base URL is sent as aud exactly as entered; the refresh token is kept in the system keychain, access tokens are renewed at 80% of their life and once more after a 401.</source>
        <translation>Vacío: %1 (los nombres v1, como user/Procedure.write, cuando el EHR solo indica permission-v1). Sin user/Procedure.c, las líneas se quedan en la cola y no se envían. La URL base se envía como aud exactamente como se ingresó; el token de actualización se guarda en el llavero del sistema, y los tokens de acceso se renuevan al 80% de su vigencia y una vez más después de un 401.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinic time zone</source>
        <translation>Zona horaria de la clínica</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anesthesia time-unit minutes</source>
        <translation>Minutos por unidad de tiempo de anestesia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used only for the estimate beside anesthesia lines; the EHR computes billed units.</source>
        <translation>Solo se usa para el estimado junto a las líneas de anestesia; el EHR calcula las unidades facturadas.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Anesthesia &amp;unit</source>
        <translation>U&amp;nidad de anestesia</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printed superbill</source>
        <translation>Superbill impreso</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Practice name</source>
        <translation>Nombre del consultorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practice address</source>
        <translation>Dirección del consultorio</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practice</source>
        <translation>Consultorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed at the top of every superbill, with the address; superbill-cli prints the same.</source>
        <translation>Se imprime en la parte superior de cada superbill, con la dirección; superbill-cli imprime lo mismo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Looking for SMART sign-in at this address…</source>
        <translation>Buscando inicio de sesión SMART en esta dirección…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown time zone; pick one from the list, e.g. America/Chicago.</source>
        <translation>Zona horaria desconocida; elija una de la lista, p. ej., America/Chicago.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now %1 there (%2). Times are entered and shown in this zone unless the encounter names its own.</source>
        <translation>Allí son las %1 (%2). Las horas se ingresan y se muestran en esta zona, salvo que la consulta indique la suya.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the EHR&apos;s FHIR base URL, e.g. https://ehr.example.org/mps/fhir/R4/V1.</source>
        <translation>Ingrese la URL base FHIR del EHR, p. ej., https://ehr.example.org/mps/fhir/R4/V1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a URL: give the full address with https:// and the host.</source>
        <translation>Esto no es una URL: indique la dirección completa con https:// y el host.</translation>
    </message>
</context>
<context>
    <name>Ui::ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcutsdialog.cpp" line="+25"/>
        <source>  or  </source>
        <extracomment>Between two key sequences of one action, e.g. &quot;Ctrl+Return or Ctrl+Enter&quot;.</extracomment>
        <translation>  o  </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt + underlined letter</source>
        <translation>Alt + letra subrayada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to that field of the form</source>
        <translation>Ir a ese campo del formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next / previous field, in the order of the form</source>
        <translation>Campo siguiente / anterior del formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↓ in an empty CPT code</source>
        <translation>↓ en un código CPT vacío</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show favourite and recent codes</source>
        <translation>Mostrar los códigos favoritos y recientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the highlighted code and its description</source>
        <translation>Tomar el código resaltado y su descripción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter or Tab in the code list</source>
        <translation>Enter o Tab en la lista de códigos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+B in CPT code</source>
        <translation>Ctrl+B en Código CPT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Star the code as a favourite, or unstar it</source>
        <translation>Marcar o desmarcar el código como favorito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F4 or Alt+↓ in a date</source>
        <translation>F4 o Alt+↓ en una fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the calendar; arrows move, Enter takes the day</source>
        <translation>Abrir el calendario; las flechas se mueven, Enter toma el día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter in Diagnoses</source>
        <translation>Enter en Diagnósticos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link the selected diagnosis</source>
        <translation>Vincular el diagnóstico seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+Up / Alt+Down</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the linked diagnosis up / down</source>
        <translation>Subir / bajar el diagnóstico vinculado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlink the selected diagnosis</source>
        <translation>Desvincular el diagnóstico seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter in the queue</source>
        <translation>Enter en la cola</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the line for correction</source>
        <translation>Abrir la línea para corregirla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter / Esc on a warning</source>
        <translation>Enter / Esc en una advertencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submit anyway / go back to the field</source>
        <translation>Enviar de todos modos / volver al campo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every line can be entered without the mouse.</source>
        <translation>Cada línea se puede ingresar sin usar el mouse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>Ui::SuperbillFormView</name>
    <message>
        <location filename="../../ui/superbillformview.cpp" line="+147"/>
        <source>Superbill codes</source>
        <translation>Códigos del superbill</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Superbill form</source>
        <translation>Formulario de superbill</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type a code (or its first digits) to tick it, then its pointer letters · Space ticks · Enter next code · F2 time · + other code</source>
        <translation>Escriba un código (o sus primeros dígitos) para marcarlo y luego las letras de sus punteros · Espacio marca · Enter siguiente código · F2 hora · + otro código</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Submit superbill</source>
        <translation>Enviar superbill</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue every ticked code for the EHR in one go (Ctrl+Enter)</source>
        <translation>Poner en cola para el EHR todos los códigos marcados de una vez (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Submit &amp;superbill</source>
        <translation>Enviar &amp;superbill</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+717"/>
        <source>Add a code not on the form</source>
        <translation>Agregar un código que no está en el formulario</translation>
    </message>
    <message>
        <location line="-700"/>
        <source>Diagnoses</source>
        <translation>Diagnósticos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Diagnosis to letter</source>
        <translation>Diagnóstico al que asignar letra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter gives the diagnosis the next letter</source>
        <translation>Enter asigna al diagnóstico la siguiente letra</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Diagnoses of the superbill, lettered</source>
        <translation>Diagnósticos del superbill, con su letra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Up / Alt+Down reorder, Delete removes</source>
        <translation>Alt+↑ / Alt+↓ reordenan, Delete quita</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 · %2 codes</source>
        <translation>%1 · %2 códigos</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+302"/>
        <source>Pick an encounter to fill in its superbill</source>
        <translation>Elija una consulta para completar su superbill</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Every diagnosis is lettered</source>
        <translation>Todos los diagnósticos tienen letra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No encounter</source>
        <translation>Sin consulta</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The EHR lists no diagnosis for this patient; rows can go without pointers.</source>
        <translation>El EHR no indica ningún diagnóstico para este paciente; las filas pueden ir sin punteros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the encounter&apos;s diagnoses with Enter; they are lettered A, B, C… in order.</source>
        <translation>Elija los diagnósticos de la consulta con Enter; reciben las letras A, B, C… en orden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A superbill letters at most %1 diagnoses.</source>
        <translation>Un superbill asigna letra a %1 diagnósticos como máximo.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Refused</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The EHR answered: %1</source>
        <translation>Respuesta del EHR: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>End before start</source>
        <translation>Fin antes del inicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 min
≈ %2 time units</source>
        <translation>%1 min
≈ %2 unidades de tiempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An estimate at %1 min a unit; the EHR computes the billed units itself.</source>
        <translation>Un estimado a %1 min por unidad; el EHR calcula por su cuenta las unidades facturadas.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tick the codes of the superbill</source>
        <translation>Marque los códigos del superbill</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 ticked code has errors to fix</source>
        <translation>1 código marcado tiene errores que corregir</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n ticked codes have errors to fix</source>
        <translation>
            <numerusform>%n código marcado tiene errores que corregir</numerusform>
            <numerusform>%n códigos marcados tienen errores que corregir</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ticked</source>
        <translation>%1 marcados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to submit 1 line</source>
        <translation>Listo para enviar 1 línea</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ready to submit %n lines</source>
        <translation>
            <numerusform>Listo para enviar %n línea</numerusform>
            <numerusform>Listo para enviar %n líneas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code: %1…</source>
        <translation>Código: %1…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is already %2 for this encounter; it cannot be ticked twice.</source>
        <translation>%1 ya está %2 en esta consulta; no se puede marcar dos veces.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>No code on the form starts with %1; + adds one that is not on it.</source>
        <translation>Ningún código del formulario empieza por %1; + agrega uno que no esté en él.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No diagnosis is lettered yet: pick them at the top (Shift+Tab).</source>
        <translation>Todavía ningún diagnóstico tiene letra: elíjalos arriba (Shift+Tab).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no diagnosis %1: the form letters A to %2.</source>
        <translation>No hay diagnóstico %1: el formulario asigna las letras de la A a la %2.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 start</source>
        <translation>Inicio de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 end</source>
        <translation>Fin de %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 performed</source>
        <translation>Realización de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performed</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Code or words</source>
        <translation>Código o palabras</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 is not in the code catalog.</source>
        <translation>%1 no está en el catálogo de códigos.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not submitted: pick an open encounter first.</source>
        <translation>No se envió: primero elija una consulta abierta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to submit: tick the codes of the superbill first.</source>
        <translation>Nada que enviar: primero marque los códigos del superbill.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not submitted: 1 ticked code has errors to fix first.</source>
        <translation>No se envió: primero hay que corregir los errores de 1 código marcado.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Not submitted: %n ticked codes have errors to fix first.</source>
        <translation>
            <numerusform>No se envió: primero hay que corregir los errores de %n código marcado.</numerusform>
            <numerusform>No se envió: primero hay que corregir los errores de %n códigos marcados.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not submitted: %1</source>
        <translation>No se envió: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 line saved in the outbox; sending in the background.</source>
        <translation>1 línea guardada en la bandeja de salida; se envía en segundo plano.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n lines saved in the outbox in one go; sending in the background.</source>
        <translation>
            <numerusform>%n línea guardada en la bandeja de salida de una vez; se envía en segundo plano.</numerusform>
            <numerusform>%n líneas guardadas en la bandeja de salida de una vez; se envían en segundo plano.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::SuperbillSheet</name>
    <message>
        <location filename="../../ui/superbillsheet.cpp" line="+12"/>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>Ui::TokenStore</name>
    <message>
        <location filename="../../ui/tokenstore.cpp" line="+27"/>
        <source>Checking the system keychain…</source>
        <translation>Consultando el llavero del sistema…</translation>
    </message>
</context>
<context>
    <name>Ui::TrainingBanner</name>
    <message>
        <location filename="../../ui/trainingbanner.cpp" line="-1"/>
        <source>Not a real EHR.</source>
        <translation>No es un EHR real.</translation>
    </message>
</context>
<context>
    <name>Ui::TrainingEhrDialog</name>
    <message>
        <location filename="../../ui/trainingehrdialog.cpp" line="+19"/>
        <source>Training EHR address and token</source>
        <translation>Dirección y token del EHR de capacitación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;how the token</source>
        <translation>&amp;Mostrar el token</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Copy the token</source>
        <translation>C&amp;opiar el token</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied. It changes each time the app starts; paste it where it is needed, not in a shared document.</source>
        <translation>Copiado. Cambia cada vez que se inicia la aplicación; péguelo donde se necesite, no en un documento compartido.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In a terminal, with the token in a file only you can read:
superbill-cli queue list --ehr %1 --token-file TOKEN-FILE
superbill-cli drill check DRILL.json --ehr %1 --token-file TOKEN-FILE</source>
        <translation>En una terminal, con el token en un archivo que solo usted pueda leer:
superbill-cli queue list --ehr %1 --token-file ARCHIVO-TOKEN
superbill-cli drill check EJERCICIO.json --ehr %1 --token-file ARCHIVO-TOKEN</translation>
    </message>
</context>
<context>
    <name>Ui::TrainingMenu</name>
    <message>
        <location filename="../../ui/trainingmenu.cpp" line="+31"/>
        <source>Tra&amp;ining</source>
        <translation>Ca&amp;pacitación</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Reset demo data…</source>
        <translation>&amp;Restablecer datos de demostración…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>EHR &amp;behaviour</source>
        <translation>&amp;Comportamiento del EHR</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Load demo data…</source>
        <translation>C&amp;argar datos de demostración…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use built-&amp;in demo data</source>
        <translation>&amp;Usar los datos de demostración integrados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show training EHR &amp;address and token…</source>
        <translation>Mostrar &amp;dirección y token del EHR de capacitación…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Drills…</source>
        <translation>&amp;Ejercicios…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in again</source>
        <translation>&amp;Volver a iniciar sesión</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+15"/>
        <source>Superbill Desk — Training</source>
        <translation>Superbill Desk — Capacitación</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reset the demo data?</source>
        <translation>¿Restablecer los datos de demostración?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training EHR gets its demo patients back with no procedures, behaves normally again, and the training queue is emptied, with any line being typed. A real EHR&apos;s queue and settings are not touched.</source>
        <translation>El EHR de capacitación recupera sus pacientes de demostración sin procedimientos, vuelve a comportarse con normalidad y se vacía la cola de capacitación, incluida la línea que se esté escribiendo. No se tocan la cola ni la configuración de un EHR real.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset</source>
        <translation>&amp;Restablecer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo data restored; the training queue is empty.</source>
        <translation>Datos de demostración restablecidos; la cola de capacitación está vacía.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Training EHR: %1</source>
        <translation>EHR de capacitación: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Demo data folder (patients.json, encounters.json, conditions.json)</source>
        <translation>Carpeta de datos de demostración (patients.json, encounters.json, conditions.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the built-in demo data</source>
        <translation>los datos de demostración integrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use %1?</source>
        <translation>¿Usar %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training EHR serves it from now on, with no procedures, and the training queue is emptied. A real EHR&apos;s queue and settings are not touched.</source>
        <translation>El EHR de capacitación los sirve a partir de ahora, sin procedimientos, y se vacía la cola de capacitación. No se tocan la cola ni la configuración de un EHR real.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Load</source>
        <translation>C&amp;argar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The training EHR now serves %1.</source>
        <translation>El EHR de capacitación ahora sirve %1.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Start &quot;%1&quot;?</source>
        <translation>¿Iniciar &quot;%1&quot;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting a drill resets the demo data and empties the training queue, with any line being typed.</source>
        <translation>Iniciar un ejercicio restablece los datos de demostración y vacía la cola de capacitación, incluida la línea que se esté escribiendo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Signed in again; the queue goes on.</source>
        <translation>Sesión iniciada de nuevo; la cola continúa.</translation>
    </message>
</context>
<context>
    <name>Ui::TrainingTexts</name>
    <message>
        <location filename="../../ui/trainingtexts.cpp" line="-33"/>
        <source>&amp;Offline (connection refused)</source>
        <translation>&amp;Sin conexión (conexión rechazada)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training — EHR offline (simulated)</source>
        <translation>Capacitación — EHR sin conexión (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill the EHR is offline.</source>
        <translation>Durante este ejercicio el EHR está sin conexión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Slow (2 s per answer)</source>
        <translation>&amp;Lento (2 s por respuesta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — EHR slow, 2 s per answer (simulated)</source>
        <translation>Capacitación — EHR lento, 2 s por respuesta (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill the EHR answers slowly.</source>
        <translation>Durante este ejercicio el EHR responde con lentitud.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Failing (500 or 503 on 1 request in 2)</source>
        <translation>&amp;Con fallas (500 o 503 en 1 de cada 2 solicitudes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — EHR failing 1 request in 2 (simulated)</source>
        <translation>Capacitación — el EHR falla 1 de cada 2 solicitudes (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill the EHR fails one request in two.</source>
        <translation>Durante este ejercicio el EHR falla una de cada dos solicitudes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Drop answers (stored, answer lost)</source>
        <translation>&amp;Perder respuestas (se guarda, se pierde la respuesta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — EHR answers lost (simulated)</source>
        <translation>Capacitación — se pierden las respuestas del EHR (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill the EHR&apos;s answers are lost.</source>
        <translation>Durante este ejercicio se pierden las respuestas del EHR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Token expired (the app renews it)</source>
        <translation>&amp;Token vencido (la aplicación lo renueva)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — access token expired (simulated)</source>
        <translation>Capacitación — token de acceso vencido (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill the EHR&apos;s access token expires.</source>
        <translation>Durante este ejercicio vence el token de acceso del EHR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in &amp;expired (401 until signed in again)</source>
        <translation>Sesión &amp;vencida (401 hasta volver a iniciar sesión)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — sign-in expired (simulated)</source>
        <translation>Capacitación — sesión vencida (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill your sign-in expires.</source>
        <translation>Durante este ejercicio su sesión vence.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refuse the next line…</source>
        <translation>&amp;Rechazar la siguiente línea…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refuse the next line (%1)…</source>
        <translation>&amp;Rechazar la siguiente línea (%1)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — the next line will be refused with %1 (simulated)</source>
        <translation>Capacitación — la siguiente línea se rechazará con %1 (simulado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this drill the EHR refuses a line.</source>
        <translation>Durante este ejercicio el EHR rechaza una línea.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training — EHR faults set by hand (simulated)</source>
        <translation>Capacitación — fallas del EHR configuradas a mano (simulado)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
</context>
<context>
    <name>Ui::Workspace</name>
    <message>
        <location filename="../../ui/workspace.cpp" line="+52"/>
        <source>Cannot create the data folder %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Cannot open the outbox %1: %2</source>
        <translation>No se puede abrir la bandeja de salida %1: %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The training EHR did not start: %1</source>
        <translation>El EHR de capacitación no se inició: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The EHR did not grant &quot;create procedures&quot; (Procedure.c) to this sign-in: lines are kept in the queue and not sent. Sign in again and allow it, or ask the EHR&apos;s administrator.</source>
        <translation>El EHR no concedió &quot;crear procedimientos&quot; (Procedure.c) a este inicio de sesión: las líneas se quedan en la cola y no se envían. Vuelva a iniciar sesión y permítalo, o consulte al administrador del EHR.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot load the code catalog: %1</source>
        <translation>No se puede cargar el catálogo de códigos: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Training EHR · %1:%2</source>
        <translation>EHR de capacitación · %1:%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <location line="+10"/>
        <location line="+21"/>
        <source>the outbox is not open</source>
        <translation>la bandeja de salida no está abierta</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Only the training EHR can be reset; a real EHR&apos;s data and queue are never touched.</source>
        <translation>Solo se puede restablecer el EHR de capacitación; nunca se tocan los datos ni la cola de un EHR real.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The training queue %1 could not be emptied.</source>
        <translation>No se pudo vaciar la cola de capacitación %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The demo data in %1 cannot be used: %2</source>
        <translation>No se pueden usar los datos de demostración de %1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Only the training EHR&apos;s behaviour can be changed.</source>
        <translation>Solo se puede cambiar el comportamiento del EHR de capacitación.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The training EHR is set Offline: the sign-in goes on when it is set back (Training menu).</source>
        <translation>El EHR de capacitación está sin conexión: el inicio de sesión continuará cuando se vuelva a conectar (menú Capacitación).</translation>
    </message>
</context>
<context>
    <name>Ui::ZonedDateTimeEdit</name>
    <message>
        <location filename="../../ui/zoneddatetimeedit.cpp" line="+218"/>
        <source>Calendar: arrow keys move, Enter takes the day, Esc closes</source>
        <translation>Calendario: las flechas se mueven, Enter toma el día, Esc cierra</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/superbill/main.cpp" line="+101"/>
        <source>Superbill entry for FHIR R4 EHRs. The first start opens the built-in training EHR.</source>
        <translation>Ingreso de superbills para EHR con FHIR R4. El primer inicio abre el EHR de capacitación integrado.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Use the built-in training EHR (not a real EHR) for this run.</source>
        <translation>Usar el EHR de capacitación integrado (no es un EHR real) en esta ejecución.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print the time and memory to the window&apos;s first frame, then quit (before the EHR connection, the outbox and the catalog start).</source>
        <translation>Mostrar el tiempo y la memoria hasta el primer cuadro de la ventana y salir (antes de que se inicien la conexión con el EHR, la bandeja de salida y el catálogo).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print the time and memory until the EHR connection, the outbox and the catalog are ready, then quit.</source>
        <translation>Mostrar el tiempo y la memoria hasta que estén listos la conexión con el EHR, la bandeja de salida y el catálogo, y salir.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Use this EHR (FHIR base URL) for this run, with SMART sign-in.</source>
        <translation>Usar este EHR (URL base FHIR) en esta ejecución, con inicio de sesión SMART.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SMART client id the EHR registered for this app, for this run.</source>
        <translation>El ID de cliente SMART que el EHR registró para esta aplicación, para esta ejecución.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>No web browser could be opened for the EHR&apos;s sign-in page; set SUPERBILL_BROWSER to a command that opens one.</source>
        <translation>No se pudo abrir ningún navegador web para la página de inicio de sesión del EHR; defina SUPERBILL_BROWSER con un comando que abra uno.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Superbill Desk</source>
        <translation>Superbill Desk</translation>
    </message>
</context>
</TS>
