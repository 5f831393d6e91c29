<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Catalog::CatalogDatabase</name>
    <message>
        <location filename="../../core/catalog/catalogdatabase.cpp" line="+162"/>
        <source>The SQLite driver for Qt (QSQLITE) is not installed</source>
        <translation>El controlador SQLite de Qt (QSQLITE) no está instalado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on Debian install libqt6sql6-sqlite</source>
        <translation>en Debian, instale libqt6sql6-sqlite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the code catalog %1</source>
        <translation>No se puede abrir el catálogo de códigos %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a code catalog (an SQLite database)</source>
        <translation>%1 no es un catálogo de códigos (una base de datos SQLite)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot read the catalog&apos;s schema version</source>
        <translation>No se puede leer la versión del esquema del catálogo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The code catalog %1 was written by a newer Superbill Desk (schema %2; this version knows up to %3)</source>
        <translation>El catálogo de códigos %1 lo creó una versión más reciente de Superbill Desk (esquema %2; esta versión conoce hasta el %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot start the catalog&apos;s schema update</source>
        <translation>No se puede iniciar la actualización del esquema del catálogo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot update the catalog&apos;s schema to version %1</source>
        <translation>No se puede actualizar el esquema del catálogo a la versión %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot record the catalog&apos;s schema version</source>
        <translation>No se puede registrar la versión del esquema del catálogo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save the catalog&apos;s schema update</source>
        <translation>No se puede guardar la actualización del esquema del catálogo</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+35"/>
        <source>Cannot read the codes</source>
        <translation>No se pueden leer los códigos</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cannot start the import</source>
        <translation>No se puede iniciar la importación</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot add code %1</source>
        <translation>No se puede agregar el código %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot update code %1</source>
        <translation>No se puede actualizar el código %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 rows are older than the catalog&apos;s version of their code; the newer descriptions were kept.</source>
        <translation>Hay %1 filas más antiguas que la versión de su código en el catálogo; se conservaron las descripciones más recientes.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot mark code %1 inactive</source>
        <translation>No se puede marcar como inactivo el código %1</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+10"/>
        <source>Cannot read the favourites</source>
        <translation>No se pueden leer los favoritos</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot save the favourite</source>
        <translation>No se puede guardar el favorito</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the recently used codes</source>
        <translation>No se pueden leer los códigos usados recientemente</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+9"/>
        <source>Cannot save the recently used code</source>
        <translation>No se puede guardar el código usado recientemente</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cannot trim the recently used codes</source>
        <translation>No se puede acortar la lista de códigos usados recientemente</translation>
    </message>
</context>
<context>
    <name>Catalog::CodeCatalog</name>
    <message>
        <location filename="../../core/catalog/codecatalog.cpp" line="+69"/>
        <source>No catalog file given.</source>
        <translation>No se indicó ningún archivo de catálogo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the folder %1 for the code catalog.</source>
        <translation>No se puede crear la carpeta %1 para el catálogo de códigos.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The built-in training catalog is missing: %1</source>
        <translation>Falta el catálogo de capacitación integrado: %1</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+47"/>
        <location line="+36"/>
        <source>No code catalog is open.</source>
        <translation>No hay ningún catálogo de códigos abierto.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>%1 rows have errors and --strict was given; fix them and import again.</source>
        <translation>Hay %1 filas con errores y se indicó --strict; corríjalas e importe de nuevo.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+36"/>
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
        <location line="+69"/>
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
    <name>Ehr::Capabilities</name>
    <message>
        <location filename="../../core/ehr/capabilities.cpp" line="+13"/>
        <source>resourceType is &quot;%1&quot;, not CapabilityStatement</source>
        <translation>resourceType es &quot;%1&quot;, no CapabilityStatement</translation>
    </message>
</context>
<context>
    <name>Ehr::ConditionSummary</name>
    <message>
        <location filename="../../core/ehr/conditionsummary.cpp" line="+33"/>
        <source>resourceType is &quot;%1&quot;, not Condition</source>
        <translation>resourceType es &quot;%1&quot;, no Condition</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Condition without an id</source>
        <translation>Condition sin id</translation>
    </message>
</context>
<context>
    <name>Ehr::EhrClient</name>
    <message>
        <location filename="../../core/ehr/ehrclient.cpp" line="+75"/>
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
        <location line="+10"/>
        <source>No EHR address is set.</source>
        <translation>No se ha configurado la dirección del EHR.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not a valid EHR address; it should look like https://ehr.example.org/mps/fhir/R4/V1.</source>
        <translation>&quot;%1&quot; no es una dirección de EHR válida; debe tener la forma https://ehr.example.org/mps/fhir/R4/V1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the EHR address must not contain a user name or password; the token is given separately (keychain, SUPERBILL_TOKEN or --token-file).</source>
        <translation>%1: la dirección del EHR no debe contener un nombre de usuario ni una contraseña; el token se indica por separado (llavero, SUPERBILL_TOKEN o --token-file).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 uses plain http://, which would send the token and patient data unencrypted; an EHR that is not on this computer must use https://.</source>
        <translation>%1 usa http:// simple, que enviaría el token y los datos de los pacientes sin cifrar; un EHR que no esté en esta computadora debe usar https://.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the EHR address must start with https:// (or http:// for an EHR on this computer).</source>
        <translation>%1: la dirección del EHR debe empezar con https:// (o http:// para un EHR en esta computadora).</translation>
    </message>
    <message>
        <location line="+129"/>
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
        <location line="+117"/>
        <source>The line has no client identifier, so a resend could record it twice; it was not sent.</source>
        <translation>La línea no tiene identificador de cliente, así que un reenvío podría registrarla dos veces; no se envió.</translation>
    </message>
</context>
<context>
    <name>Ehr::EhrSettings</name>
    <message>
        <location filename="../../core/ehr/ehrsettings.cpp" line="+41"/>
        <source>%1: cannot write the settings</source>
        <translation>%1: no se puede escribir la configuración</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1: cannot read the token file: %2</source>
        <translation>%1: no se puede leer el archivo del token: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the token file is empty</source>
        <translation>%1: el archivo del token está vacío</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the token file can be read by other users; restrict it with chmod 600</source>
        <translation>%1: otros usuarios pueden leer el archivo del token; restrinja el acceso con chmod 600</translation>
    </message>
</context>
<context>
    <name>Ehr::EncounterSummary</name>
    <message>
        <location filename="../../core/ehr/encountersummary.cpp" line="+90"/>
        <source>resourceType is &quot;%1&quot;, not Encounter</source>
        <translation>resourceType es &quot;%1&quot;, no Encounter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Encounter without an id</source>
        <translation>Encounter sin id</translation>
    </message>
</context>
<context>
    <name>Ehr::NetworkJob</name>
    <message>
        <location filename="../../core/ehr/networkjob.cpp" line="+90"/>
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
        <location line="+16"/>
        <source>Could not reach the EHR at %1: %2</source>
        <translation>No se pudo conectar con el EHR en %1: %2</translation>
    </message>
</context>
<context>
    <name>Ehr::PatientSummary</name>
    <message>
        <location filename="../../core/ehr/patientsummary.cpp" line="+46"/>
        <source>resourceType is &quot;%1&quot;, not Patient</source>
        <translation>resourceType es &quot;%1&quot;, no Patient</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Patient without an id</source>
        <translation>Patient sin id</translation>
    </message>
</context>
<context>
    <name>Ehr::SubmitResult</name>
    <message>
        <location filename="../../core/ehr/submitresult.cpp" line="+149"/>
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
        <location line="+27"/>
        <source>The EHR rejected the line: %1</source>
        <translation>El EHR rechazó la línea: %1</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The EHR could not store the line now (HTTP %1): %2</source>
        <translation>El EHR no pudo guardar la línea en este momento (HTTP %1): %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The EHR answered HTTP %1%2</source>
        <translation>El EHR respondió HTTP %1%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The EHR answered HTTP %1 without saying why (%2).</source>
        <translation>El EHR respondió HTTP %1 sin indicar el motivo (%2).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unexpected answer HTTP %1 from the EHR.</source>
        <translation>Respuesta inesperada HTTP %1 del EHR.</translation>
    </message>
</context>
<context>
    <name>Fhir::DateTime</name>
    <message>
        <location filename="../../core/fhir/datetime.cpp" line="+26"/>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is only a date; a full date-time with a timezone offset is needed, e.g. 2026-03-14T10:00:00-05:00</source>
        <translation>&quot;%1&quot; es solo una fecha; se necesita una fecha y hora completa con desfase de zona horaria, p. ej., 2026-03-14T10:00:00-05:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a date-time like 2026-03-14T10:00:00-05:00</source>
        <translation>&quot;%1&quot; no es una fecha y hora como 2026-03-14T10:00:00-05:00</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no such calendar date</source>
        <translation>&quot;%1&quot; tiene una fecha que no existe en el calendario</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <name>Fhir::OperationOutcome</name>
    <message>
        <location filename="../../core/fhir/operationoutcome.cpp" line="+68"/>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>JSON no válido: %1 en la posición %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON but not an object</source>
        <translation>JSON, pero no un objeto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>resourceType is &quot;%1&quot;, not OperationOutcome</source>
        <translation>resourceType es &quot;%1&quot;, no OperationOutcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OperationOutcome.issue is missing or not an array</source>
        <translation>OperationOutcome.issue falta o no es un arreglo</translation>
    </message>
</context>
<context>
    <name>Fhir::ProcedureReader</name>
    <message>
        <location filename="../../core/fhir/procedurereader.cpp" line="+65"/>
        <source>must be %1, not %2</source>
        <translation>debe ser %1, no %2</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+40"/>
        <source>a string</source>
        <translation>una cadena de texto</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+47"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+60"/>
        <source>an array</source>
        <translation>un arreglo</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>a boolean</source>
        <translation>un valor booleano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>&quot;%1&quot; has the offset -00:00, which says the local offset is unknown; give the offset of the place, e.g. 2026-03-14T10:00:00-05:00</source>
        <translation>&quot;%1&quot; tiene el desfase -00:00, que indica que el desfase local es desconocido; indique el desfase del lugar, p. ej., 2026-03-14T10:00:00-05:00</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not part of a superbill procedure and is ignored</source>
        <translation>no forma parte de un procedimiento de superbill y se ignora</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>is empty; %1 needs one coding</source>
        <translation>está vacío; %1 necesita una codificación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has %1 codings; %2 takes exactly one</source>
        <translation>tiene %1 codificaciones; %2 admite exactamente una</translation>
    </message>
    <message>
        <location line="+29"/>
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
        <location line="+29"/>
        <source>a category</source>
        <translation>una categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the procedure code</source>
        <translation>el código del procedimiento</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>has both performedDateTime and performedPeriod; send exactly one</source>
        <translation>tiene performedDateTime y performedPeriod a la vez; envíe solo uno</translation>
    </message>
    <message>
        <location line="+67"/>
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
    <name>Outbox::OutboxStore</name>
    <message>
        <location filename="../../core/outbox/outboxstore.cpp" line="+172"/>
        <source>The Qt SQLite driver (QSQLITE) is not installed; on Debian install libqt6sql6-sqlite.</source>
        <translation>El controlador SQLite de Qt (QSQLITE) no está instalado; en Debian, instale libqt6sql6-sqlite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot create the folder for the outbox</source>
        <translation>%1: no se puede crear la carpeta de la bandeja de salida</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: cannot create the outbox: %2</source>
        <translation>%1: no se puede crear la bandeja de salida: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: cannot open the outbox: %2</source>
        <translation>%1: no se puede abrir la bandeja de salida: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is not an outbox, or it is damaged (%2). It was left unchanged; keep it, and give another file (--db or SUPERBILL_DB).</source>
        <translation>%1 no es una bandeja de salida o está dañado (%2). No se modificó; consérvelo e indique otro archivo (--db o SUPERBILL_DB).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot set the journal mode: %2</source>
        <translation>%1: no se puede establecer el modo de diario (journal mode): %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: SQLite would not use write-ahead logging (journal mode is &quot;%2&quot;); put the outbox on a local disk.</source>
        <translation>%1: SQLite no aceptó el registro de escritura anticipada (WAL; el modo de diario es &quot;%2&quot;); coloque la bandeja de salida en un disco local.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot configure the outbox: %2</source>
        <translation>%1: no se puede configurar la bandeja de salida: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: SQLite did not accept synchronous=FULL</source>
        <translation>%1: SQLite no aceptó synchronous=FULL</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: cannot read the schema version: %2</source>
        <translation>%1: no se puede leer la versión del esquema: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the outbox was written by a newer Superbill Desk (schema %2; this one knows %3). Update the app; the file was not changed.</source>
        <translation>%1: la bandeja de salida la creó una versión más reciente de Superbill Desk (esquema %2; esta conoce el %3). Actualice la aplicación; el archivo no se modificó.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: cannot start the schema upgrade: %2</source>
        <translation>%1: no se puede iniciar la actualización del esquema: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: upgrading the outbox to schema %2 failed, nothing was changed: %3</source>
        <translation>%1: falló la actualización de la bandeja de salida al esquema %2; no se modificó nada: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: upgrading the outbox failed, nothing was changed: %2</source>
        <translation>%1: falló la actualización de la bandeja de salida; no se modificó nada: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1: the disk is full, so the outbox cannot be written; free some space. Lines already queued are kept.</source>
        <translation>%1: el disco está lleno, así que no se puede escribir en la bandeja de salida; libere espacio. Las líneas que ya están en cola se conservan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the outbox file is read-only; make it writable by its owner. Lines already queued are kept.</source>
        <translation>%1: el archivo de la bandeja de salida es de solo lectura; permita que su propietario escriba en él. Las líneas que ya están en cola se conservan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the disk reported an error while writing the outbox (%2). Lines already queued are kept.</source>
        <translation>%1: el disco informó un error al escribir la bandeja de salida (%2). Las líneas que ya están en cola se conservan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the outbox file is damaged (%2); keep a copy of it and ask for help.</source>
        <translation>%1: el archivo de la bandeja de salida está dañado (%2); guarde una copia y pida ayuda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: another program kept the outbox busy for too long; try again.</source>
        <translation>%1: otro programa mantuvo ocupada la bandeja de salida demasiado tiempo; inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot write to the outbox: %2</source>
        <translation>%1: no se puede escribir en la bandeja de salida: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The outbox is not open.</source>
        <translation>La bandeja de salida no está abierta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line has no client identifier (system urn:ietf:rfc:3986); it was not queued.</source>
        <translation>La línea no tiene identificador de cliente (sistema urn:ietf:rfc:3986); no se puso en cola.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line needs a patient (Patient/&lt;id&gt;) and an encounter (Encounter/&lt;id&gt;); it was not queued.</source>
        <translation>La línea necesita un paciente (Patient/&lt;id&gt;) y una consulta (Encounter/&lt;id&gt;); no se puso en cola.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This line (%1) is already in the outbox as line %2.</source>
        <translation>Esta línea (%1) ya está en la bandeja de salida como línea %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+20"/>
        <location line="+7"/>
        <source>The line was not saved: %1</source>
        <translation>La línea no se guardó: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>line %1 is not being sent</source>
        <translation>la línea %1 no se está enviando</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>There is no line %1 in the outbox.</source>
        <translation>No existe la línea %1 en la bandeja de salida.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>it is being sent right now</source>
        <translation>se está enviando en este momento</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line %1 is %2; only pending or needs-correction lines can be retried.</source>
        <translation>La línea %1 está en estado %2; solo se pueden reintentar las líneas pendientes o que necesitan corrección.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line %1 could not be retried: %2</source>
        <translation>No se pudo reintentar la línea %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line %1 is %2; only pending or needs-correction lines can be changed.</source>
        <translation>La línea %1 está en estado %2; solo se pueden modificar las líneas pendientes o que necesitan corrección.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Line %1 could not be changed: %2</source>
        <translation>No se pudo modificar la línea %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1 is %2; only pending or needs-correction lines can be discarded.</source>
        <translation>La línea %1 está en estado %2; solo se pueden descartar las líneas pendientes o que necesitan corrección.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line %1 could not be discarded: %2</source>
        <translation>No se pudo descartar la línea %1: %2</translation>
    </message>
</context>
<context>
    <name>Outbox::Sender</name>
    <message>
        <location filename="../../core/outbox/sender.cpp" line="+71"/>
        <source>The outbox is not open.</source>
        <translation>La bandeja de salida no está abierta.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="-29"/>
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
        <location line="+23"/>
        <source>Another program (%1, process %2) is already sending from this outbox; it sends these lines.</source>
        <translation>Otro programa (%1, proceso %2) ya está enviando desde esta bandeja de salida; ese programa envía estas líneas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot create the outbox&apos;s lock file; check that its folder is writable.</source>
        <translation>%1: no se puede crear el archivo de bloqueo de la bandeja de salida; verifique que se pueda escribir en su carpeta.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>%1: line %2 could not be read back from the outbox.</source>
        <translation>%1: no se pudo volver a leer la línea %2 desde la bandeja de salida.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored line could not be read back; it was not sent.</source>
        <translation>No se pudo volver a leer la línea guardada; no se envió.</translation>
    </message>
    <message>
        <location line="+100"/>
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
        <location filename="../../core/rules/codeclassifier.cpp" line="+88"/>
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
        <location filename="../../core/rules/errorcatalog.cpp" line="+99"/>
        <source>The EHR reported an error without a code.</source>
        <translation>El EHR informó un error sin código.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The EHR reported error code %1, which this version of Superbill Desk does not know. Ask the EHR administrator what it means.</source>
        <translation>El EHR informó el código de error %1, que esta versión de Superbill Desk no conoce. Pregunte al administrador del EHR qué significa.</translation>
    </message>
</context>
<context>
    <name>Rules::Validator</name>
    <message>
        <location filename="../../core/rules/validator.cpp" line="+85"/>
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
        <location line="+3"/>
        <source>Encounter %1 is already billed; procedures can no longer be added to it.</source>
        <translation>La consulta %1 ya está facturada; ya no se le pueden agregar procedimientos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encounter %1 is signed off; procedures can no longer be added to it.</source>
        <translation>La consulta %1 ya está firmada; ya no se le pueden agregar procedimientos.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+12"/>
        <source>The linked diagnosis is empty.</source>
        <translation>El diagnóstico vinculado está vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a diagnosis reference like Condition/123.</source>
        <translation>&quot;%1&quot; no es una referencia a un diagnóstico como Condition/123.</translation>
    </message>
    <message>
        <location line="+6"/>
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
    <name>Ui::CodeCompletionModel</name>
    <message>
        <location filename="../../ui/codecompletionmodel.cpp" line="+57"/>
        <source>  (inactive)</source>
        <translation>  (inactivo)</translation>
    </message>
</context>
<context>
    <name>Ui::EncounterListModel</name>
    <message>
        <location filename="../../ui/encounterlistmodel.cpp" line="+40"/>
        <source>Billed: the EHR takes no more procedures for it (500010).</source>
        <translation>Facturada: el EHR ya no acepta procedimientos para esta consulta (500010).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed off: the EHR takes no more procedures for it (500009).</source>
        <translation>Firmada: el EHR ya no acepta procedimientos para esta consulta (500009).</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <location line="-8"/>
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
        <location line="+10"/>
        <source>Date not given</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>Ui::EncounterPicker</name>
    <message>
        <location filename="../../ui/encounterpicker.cpp" line="+32"/>
        <source>The EHR cannot be reached and nothing is saved offline.</source>
        <translation>No se puede conectar con el EHR y no hay nada guardado sin conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The EHR cannot be reached: offline copy from %1.</source>
        <translation>No se puede conectar con el EHR: copia sin conexión del %1.</translation>
    </message>
    <message>
        <location line="+44"/>
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
        <location line="+9"/>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Encounters</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encounters of the patient</source>
        <translation>Consultas del paciente</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Type a name or MRN.</source>
        <translation>Escriba un nombre o MRN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a patient to see the encounters.</source>
        <translation>Elija un paciente para ver sus consultas.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+40"/>
        <source>Loading encounters…</source>
        <translation>Cargando consultas…</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location filename="../../ui/findingspanel.cpp" line="+92"/>
        <source>Findings</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Findings of the line</source>
        <translation>Observaciones de la línea</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to fix so far.</source>
        <translation>Nada que corregir por ahora.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Every rule the EHR enforces is checked as you type; each finding also shows beside its field, with the EHR&apos;s code.</source>
        <translation>Cada regla que aplica el EHR se verifica mientras escribe; cada observación también aparece junto a su campo, con el código del EHR.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 error blocks the submit</source>
        <translation>1 error impide el envío</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n errors block the submit</source>
        <translation>
            <numerusform>%n error impide el envío</numerusform>
            <numerusform>%n errores impiden el envío</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; 1 warning</source>
        <translation>; 1 advertencia</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n warnings</source>
        <translation>
            <numerusform>; %n advertencia</numerusform>
            <numerusform>; %n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 warning; the line can be submitted.</source>
        <translation>1 advertencia; la línea se puede enviar.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warnings; the line can be submitted.</source>
        <translation>
            <numerusform>%n advertencia; la línea se puede enviar.</numerusform>
            <numerusform>%n advertencias; la línea se puede enviar.</numerusform>
        </translation>
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
    <name>Ui::LineEditor</name>
    <message>
        <location filename="../../ui/lineeditor.cpp" line="+123"/>
        <location line="+263"/>
        <location line="+2"/>
        <location line="+230"/>
        <source>New line</source>
        <translation>Nueva línea</translation>
    </message>
    <message>
        <location line="-435"/>
        <source>CPT code</source>
        <translation>Código CPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code or words</source>
        <translation>Código o palabras</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPT description</source>
        <translation>Descripción CPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (filled from the code catalog)</source>
        <translation>Descripción (se completa desde el catálogo de códigos)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPT &amp;code</source>
        <translation>&amp;Código CPT</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+8"/>
        <source>Performed date and time</source>
        <translation>Fecha y hora de realización</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Performed</source>
        <translation>&amp;Realizado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Anesthesia start</source>
        <translation>Inicio de la anestesia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anesthesia end</source>
        <translation>Fin de la anestesia</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Start</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Anesthesia</source>
        <translation>Anestesia</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Diagnosis to link</source>
        <translation>Diagnóstico para vincular</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Link the selected diagnosis (Enter)</source>
        <translation>Vincular el diagnóstico seleccionado (Enter)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Diagnoses</source>
        <translation>&amp;Diagnósticos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Linked diagnoses, in order</source>
        <translation>Diagnósticos vinculados, en orden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Up / Alt+Down reorder, Delete unlinks</source>
        <translation>Alt+Up / Alt+Down cambian el orden; Delete desvincula</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move up (Alt+Up)</source>
        <translation>Subir (Alt+Up)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move down (Alt+Down)</source>
        <translation>Bajar (Alt+Down)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlink (Delete)</source>
        <translation>Desvincular (Delete)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered in error</source>
        <translation>Ingresado por error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marks a line already sent as a mistake</source>
        <translation>Marca como error una línea ya enviada</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+21"/>
        <source>Clear the form for the next line (Ctrl+N)</source>
        <translation>Limpiar el formulario para la siguiente línea (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+226"/>
        <source>Submit line</source>
        <translation>Enviar línea</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Queue the line for the EHR (Ctrl+Enter)</source>
        <translation>Poner la línea en cola para el EHR (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Submit line</source>
        <translation>&amp;Enviar línea</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New line</source>
        <translation>&amp;Nueva línea</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>No encounter selected: search for a patient and pick an open encounter.</source>
        <translation>No hay ninguna consulta seleccionada: busque un paciente y elija una consulta abierta.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The encounter has no diagnoses</source>
        <translation>La consulta no tiene diagnósticos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick an encounter first</source>
        <translation>Primero elija una consulta</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Correcting line</source>
        <translation>Corrección de línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resend line</source>
        <translation>Reenviar línea</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Type a code or words from its description; ↓ shows favourites and recent codes</source>
        <translation>Escriba un código o palabras de su descripción; ↓ muestra los favoritos y los códigos recientes</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>End before start</source>
        <translation>Fin antes del inicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≈ 1 time unit</source>
        <translation>≈ 1 unidad de tiempo</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
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
        <location line="+1"/>
        <source>A preview only: the EHR computes the billed anesthesia units from its own configuration.</source>
        <translation>Solo es una vista previa: el EHR calcula las unidades de anestesia facturadas según su propia configuración.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The EHR answered: %1</source>
        <translation>Respuesta del EHR: %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Pick an encounter to enter lines</source>
        <translation>Elija una consulta para ingresar líneas</translation>
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
        <location line="+3"/>
        <source>Ready to submit — 1 warning</source>
        <translation>Lista para enviar — 1 advertencia</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ready to submit — %n warnings</source>
        <translation>
            <numerusform>Lista para enviar — %n advertencia</numerusform>
            <numerusform>Lista para enviar — %n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to submit</source>
        <translation>Lista para enviar</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not submitted: pick an open encounter first.</source>
        <translation>No se envió: primero elija una consulta abierta.</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="+8"/>
        <source>Not submitted: %1</source>
        <translation>No se envió: %1</translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+71"/>
        <source>The EHR refused the token: %1 Enter a new one in Settings.</source>
        <translation>El EHR rechazó el token: %1 Ingrese uno nuevo en Configuración.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>EHR: %1</source>
        <translation>EHR: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The EHR refused the %1 line: correct it from the Queue (Ctrl+2), or discard it.</source>
        <translation>El EHR rechazó la línea %1: corríjala desde la Cola (Ctrl+2) o descártela.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training — not a real EHR. Demo patients only; nothing here reaches a chart.</source>
        <translation>Capacitación — no es un EHR real. Solo pacientes de demostración; nada de lo que haga aquí llega a un expediente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training — not a real EHR</source>
        <translation>Capacitación — no es un EHR real</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+337"/>
        <source>Lines of this encounter</source>
        <translation>Líneas de esta consulta</translation>
    </message>
    <message>
        <location line="-330"/>
        <source>Superbill lines of the encounter</source>
        <translation>Líneas del superbill de la consulta</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Superbill</source>
        <translation>Superbill</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+117"/>
        <location line="+148"/>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>%1 saved in the outbox; sending in the background.</source>
        <translation>%1 guardado en la bandeja de salida; se envía en segundo plano.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 corrected; sending again.</source>
        <translation>%1 corregido; se envía de nuevo.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
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
        <location line="+5"/>
        <source>&amp;Line</source>
        <translation>&amp;Línea</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Superbill Desk — Training</source>
        <translation>Superbill Desk — Capacitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+44"/>
        <location line="+5"/>
        <location line="+40"/>
        <source>Superbill Desk</source>
        <translation>Superbill Desk</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The new settings could not be used: %1

The training EHR is used instead.</source>
        <translation>No se pudo usar la nueva configuración: %1

Se usa el EHR de capacitación en su lugar.</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+9"/>
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
        <location line="+9"/>
        <source>The line being entered has not been submitted and would be lost.</source>
        <translation>La línea que se está ingresando no se ha enviado y se perdería.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the line</source>
        <translation>Desechar la línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open another encounter?</source>
        <translation>¿Abrir otra consulta?</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Opening the line…</source>
        <translation>Abriendo la línea…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The line cannot be read back from the outbox.</source>
        <translation>No se puede volver a leer la línea desde la bandeja de salida.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Correct the line, then resend it with Ctrl+Enter.</source>
        <translation>Corrija la línea y luego reenvíela con Ctrl+Enter.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The EHR address could not be shared with superbill-cli: %1</source>
        <translation>No se pudo compartir la dirección del EHR con superbill-cli: %1</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+27"/>
        <source>Quit Superbill Desk?</source>
        <translation>¿Salir de Superbill Desk?</translation>
    </message>
</context>
<context>
    <name>Ui::OutboxLinesModel</name>
    <message>
        <location filename="../../ui/outboxlinesmodel.cpp" line="+23"/>
        <source>Waiting to retry</source>
        <translation>Por reintentar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next try at %1</source>
        <translation>Próximo intento: %1</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+145"/>
        <source>Diagnoses: %1</source>
        <translation>Diagnósticos: %1</translation>
    </message>
    <message>
        <location line="+42"/>
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
        <location filename="../../ui/patientlistmodel.cpp" line="+40"/>
        <source>born %1</source>
        <translation>nac. %1</translation>
    </message>
</context>
<context>
    <name>Ui::QueueView</name>
    <message>
        <location filename="../../ui/queueview.cpp" line="+29"/>
        <source>Lines that have not reached the EHR yet. Refused lines wait for you; the others are sent on their own as soon as the EHR answers.</source>
        <translation>Líneas que todavía no llegaron al EHR. Las rechazadas esperan a que usted las corrija; las demás se envían solas en cuanto el EHR responda.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lines needing attention</source>
        <translation>Líneas que requieren atención</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing waiting: every line has reached the EHR.</source>
        <translation>Nada en espera: todas las líneas llegaron al EHR.</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+1"/>
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
        <location line="+55"/>
        <source>Open it to correct and resend (Enter), or discard it (Delete).</source>
        <translation>Ábrala para corregirla y reenviarla (Enter) o descártela (Delete).</translation>
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
        <location line="+29"/>
        <source>Line queued to be sent now.</source>
        <translation>Línea en cola para enviarse ahora.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not resent: %1</source>
        <translation>No se reenvió: %1</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+8"/>
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
    <name>Ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settingsdialog.cpp" line="+41"/>
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
        <location line="+1"/>
        <source>A real &amp;EHR</source>
        <translation>Un &amp;EHR real</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a real EHR</source>
        <translation>Usar un EHR real</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>EHR base URL</source>
        <translation>URL base del EHR</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Base &amp;URL</source>
        <translation>&amp;URL base</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+10"/>
        <source>T&amp;oken</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+9"/>
        <source>FHIR &amp;dialect</source>
        <translation>&amp;Dialecto FHIR</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinic time zone</source>
        <translation>Zona horaria de la clínica</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+8"/>
        <source>Anesthesia &amp;unit</source>
        <translation>U&amp;nidad de anestesia</translation>
    </message>
    <message>
        <location line="+81"/>
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
        <location filename="../../ui/shortcutsdialog.cpp" line="+26"/>
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
        <source>Enter in the code list</source>
        <translation>Enter en la lista de códigos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take the highlighted code and its description</source>
        <translation>Tomar el código resaltado y su descripción</translation>
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
    <name>Ui::TokenStore</name>
    <message>
        <location filename="../../ui/tokenstore.cpp" line="+29"/>
        <source>Stored in the system keychain.</source>
        <translation>Guardado en el llavero del sistema.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept for this session only; it is not saved anywhere.</source>
        <translation>Se conserva solo durante esta sesión; no se guarda en ningún lugar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keychain is available (%1): the token is kept for this session only and never written to disk.</source>
        <translation>No hay ningún llavero disponible (%1): el token se conserva solo durante esta sesión y nunca se escribe en el disco.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the system keychain…</source>
        <translation>Consultando el llavero del sistema…</translation>
    </message>
</context>
<context>
    <name>Ui::Workspace</name>
    <message>
        <location filename="../../ui/workspace.cpp" line="+58"/>
        <source>Cannot create the data folder %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot open the outbox %1: %2</source>
        <translation>No se puede abrir la bandeja de salida %1: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The training EHR did not start: %1</source>
        <translation>El EHR de capacitación no se inició: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot load the code catalog: %1</source>
        <translation>No se puede cargar el catálogo de códigos: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Training EHR · %1:%2</source>
        <translation>EHR de capacitación · %1:%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+17"/>
        <location line="+10"/>
        <source>the outbox is not open</source>
        <translation>la bandeja de salida no está abierta</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/superbill/main.cpp" line="+75"/>
        <source>Superbill entry for FHIR R4 EHRs. The first start opens the built-in training EHR.</source>
        <translation>Ingreso de superbills para EHR con FHIR R4. El primer inicio abre el EHR de capacitación integrado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use the built-in training EHR (not a real EHR) for this run.</source>
        <translation>Usar el EHR de capacitación integrado (no es un EHR real) en esta ejecución.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the start-up time and memory, then quit once the window is shown.</source>
        <translation>Mostrar el tiempo de inicio y la memoria, y salir en cuanto se muestre la ventana.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Superbill Desk</source>
        <translation>Superbill Desk</translation>
    </message>
</context>
</TS>
