<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccessibilityReview</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/accessibility_review.py" line="+43"/>
        <location line="+135"/>
        <source>Finding</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Conformance the vendor claims</source>
        <translation>Conformidad que declara el proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACR on file</source>
        <translation>ACR en archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached report</source>
        <translation>Informe adjunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review date</source>
        <translation>Fecha de la revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equally effective alternative plan</source>
        <translation>Plan alternativo igualmente eficaz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review notes</source>
        <translation>Notas de la revisión</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not answered</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The requester says: VPAT/ACR available: {acr}; vendor claims: {claimed}; known barriers: {barriers}</source>
        <translation>El solicitante indica: VPAT/ACR disponible: {acr}; el proveedor declara: {claimed}; barreras conocidas: {barriers}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none given</source>
        <translation>no se indicaron</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Accessibility review — {name}</source>
        <translation>Revisión de accesibilidad — {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accessibility review</source>
        <translation>Revisión de accesibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resulting accessibility status</source>
        <translation>Estado de accesibilidad resultante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save review</source>
        <translation>Guardar revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility review: {name}</source>
        <translation>Revisión de accesibilidad: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About the review</source>
        <translation>Sobre la revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under the ADA Title II web rule, web content and apps the district provides, third-party tools included, must conform to WCAG 2.1 Level AA by {due}. Check the vendor&apos;s accessibility conformance report (VPAT or ACR); where the tool falls short, record the equally effective alternative the district will provide.</source>
        <translation>Según la norma web del título II de la ADA, el contenido web y las aplicaciones que ofrece el distrito, incluidas las herramientas de terceros, deben cumplir con WCAG 2.1 nivel AA a más tardar el {due}. Revise el informe de conformidad de accesibilidad del proveedor (VPAT o ACR); donde la herramienta no alcance, registre la alternativa igualmente eficaz que ofrecerá el distrito.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the requester said</source>
        <translation>Lo que indicó el solicitante</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This review</source>
        <translation>Esta revisión</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Finding:</source>
        <translation>&amp;Resultado:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not stated</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vendor&apos;s &amp;claim:</source>
        <translation>&amp;Declaración del proveedor:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An accessibility conformance report is on file</source>
        <translation>Hay un informe de conformidad de accesibilidad en archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ACR &amp;on file:</source>
        <translation>ACR en ar&amp;chivo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No file attached</source>
        <translation>Ningún archivo adjunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach report…</source>
        <translation>&amp;Adjuntar informe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <source>Attach the accessibility conformance report</source>
        <translation>Adjuntar el informe de conformidad de accesibilidad</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Report file:</source>
        <translation>Archivo del informe:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review &amp;date:</source>
        <translation>&amp;Fecha de la revisión:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needed when the tool partially conforms or does not conform: how a student or parent with a disability gets the same thing another way</source>
        <translation>Se necesita cuando la herramienta cumple en parte o no cumple: cómo un estudiante o un padre con discapacidad obtiene lo mismo de otra manera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alternative &amp;plan:</source>
        <translation>&amp;Plan alternativo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Earlier reviews (newest first)</source>
        <translation>Revisiones anteriores (la más reciente primero)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Earlier accessibility reviews</source>
        <translation>Revisiones de accesibilidad anteriores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vendor claims</source>
        <translation>El proveedor declara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACR</source>
        <translation>ACR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan and notes</source>
        <translation>Plan y notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier reviews columns</source>
        <translation>Columnas de las revisiones anteriores</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;report</source>
        <translation>Abrir &amp;informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected review&apos;s report</source>
        <translation>Abrir el informe de la revisión seleccionada</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>on file</source>
        <translation>en archivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No review yet.</source>
        <translation>Todavía no hay ninguna revisión.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose the finding.</source>
        <translation>Elija el resultado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Once saved, the tool&apos;s accessibility status: {status}</source>
        <translation>Una vez guardada, el estado de accesibilidad de la herramienta será: {status}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The file could not be read: {value}.</source>
        <translation>No se pudo leer el archivo: {value}.</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/person.py" line="+24"/>
        <source>Add a person</source>
        <translation>Agregar una persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They sign in with this email and the password you set here; give it to them in person.</source>
        <translation>Iniciará sesión con este correo electrónico y la contraseña que usted fije aquí; entrégueselos en persona.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Position:</source>
        <translation>C&amp;argo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial pass&amp;word:</source>
        <translation>Con&amp;traseña inicial:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add person</source>
        <translation>&amp;Agregar persona</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add person</source>
        <translation>Agregar persona</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../techapproval/gui/background.py" line="+88"/>
        <source>Progress status</source>
        <translation>Estado del avance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much of the work is done</source>
        <translation>Cuánto del trabajo está hecho</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop; what is already done is kept</source>
        <translation>Detener; lo que ya está hecho se conserva</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>{label_text}
{done} of {total} done.</source>
        <translation>{label_text}
{done} de {total} hechos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{done} of {total} done</source>
        <translation>{done} de {total} hechos</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/batch_print.py" line="+46"/>
        <location line="+65"/>
        <source>Save decision sheets</source>
        <translation>Guardar las hojas de decisión</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Saves the decision sheet of every request approved or not approved in the period into a folder, one PDF per request named by its number (decision-00123.pdf), so the folder lists them in order. A file of the same name is replaced; other files are left alone.</source>
        <translation>Guarda en una carpeta la hoja de decisión de cada solicitud aprobada o no aprobada en el período, un PDF por solicitud con su número en el nombre (decision-00123.pdf), para que la carpeta las muestre en orden. Un archivo con el mismo nombre se reemplaza; los demás archivos no se tocan.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>School year</source>
        <translation>Año escolar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fills in the dates: July 1 to June 30</source>
        <translation>Completa las fechas: del 1 de julio al 30 de junio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>School &amp;year:</source>
        <translation>Año &amp;escolar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first day of decisions to save</source>
        <translation>El primer día de las decisiones que se guardarán</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last day of decisions to save, included</source>
        <translation>El último día de las decisiones que se guardarán, incluido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The folder to save the PDFs in (created if need be)</source>
        <translation>La carpeta donde se guardarán los PDF (se crea si hace falta)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose folder</source>
        <translation>Elegir carpeta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>F&amp;older:</source>
        <translation>Carpe&amp;ta:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save decision sheets</source>
        <translation>&amp;Guardar las hojas de decisión</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save the decision sheets in a folder</source>
        <translation>Guardar las hojas de decisión en una carpeta</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The first day is after the last day.</source>
        <translation>El primer día es posterior al último.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the folder to save the decision sheets in.</source>
        <translation>Elija la carpeta donde guardar las hojas de decisión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No request was decided from {first} to {last}; nothing was saved.</source>
        <translation>No se decidió ninguna solicitud del {first} al {last}; no se guardó nada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving decision sheets</source>
        <translation>Guardando las hojas de decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving {count} decision sheet(s) in {folder}…</source>
        <translation>Guardando {count} hoja(s) de decisión en {folder}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stopped: {files} of {total} decision sheets were saved in {folder}; each saved file is whole.</source>
        <translation>Detenido: se guardaron {files} de {total} hojas de decisión en {folder}; cada archivo guardado está completo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {total} decision sheet(s) in {folder}.</source>
        <translation>Se guardaron {total} hoja(s) de decisión en {folder}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The decision sheets could not be saved in {text}: {value}. The files saved before this are whole.</source>
        <translation>No se pudieron guardar las hojas de decisión en {text}: {value}. Los archivos guardados antes de esto están completos.</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../techapproval/gui/pages/catalog.py" line="+31"/>
        <source>District-approved resources. You do not need to file a request for these; check whether parental permission is required before using one.</source>
        <translation>Recursos aprobados por el distrito. No necesita presentar una solicitud para estos; antes de usar uno, revise si se requiere el permiso de los padres.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search approved resources</source>
        <translation>Buscar recursos aprobados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search approved resources by name or link</source>
        <translation>Buscar recursos aprobados por nombre o enlace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract status filter</source>
        <translation>Filtro por estado del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any contract status</source>
        <translation>Cualquier estado del contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Needs attention (outside the law)</source>
        <translation>⚠ Requiere atención (fuera de la ley)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contract &amp;status:</source>
        <translation>E&amp;stado del contrato:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approvals shown</source>
        <translation>Aprobaciones mostradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current approvals</source>
        <translation>Aprobaciones vigentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended approvals</source>
        <translation>Aprobaciones terminadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All, current and ended</source>
        <translation>Todas, vigentes y terminadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sho&amp;w:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Approved resources</source>
        <translation>Recursos aprobados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource status details</source>
        <translation>Detalles del estado del recurso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contract co&amp;verage…</source>
        <translation>Co&amp;bertura del contrato…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract coverage</source>
        <translation>Cobertura del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the selected resource to its contract, or record why none is needed</source>
        <translation>Vincular el recurso seleccionado con su contrato, o registrar por qué no se necesita ninguno</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record accessibilit&amp;y review…</source>
        <translation>Registrar revisión de accesibilida&amp;d…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record accessibility review</source>
        <translation>Registrar revisión de accesibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review the selected resource against WCAG 2.1 Level AA (ADA Title II)</source>
        <translation>Revisar el recurso seleccionado según WCAG 2.1 nivel AA (ADA, título II)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>✖ {name} is no longer approved: its approval ended {day} (its renewal was not approved). A staff member who wants to use it files a new request.</source>
        <translation>✖ {name} ya no está aprobado: su aprobación terminó el {day} (no se aprobó su renovación). Quien quiera usarlo debe presentar una nueva solicitud.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accessibility: {status}</source>
        <translation>Accesibilidad: {status}</translation>
    </message>
</context>
<context>
    <name>ClosuresBox</name>
    <message>
        <location filename="../../techapproval/gui/widgets/closures.py" line="+33"/>
        <source>District closures (not counted as business days)</source>
        <translation>Cierres del distrito (no cuentan como días hábiles)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weekends and Connecticut state holidays are skipped automatically. Add the days the district is closed, such as snow days and recess, so deadlines move past them.</source>
        <translation>Los fines de semana y los feriados del estado de Connecticut se omiten automáticamente. Agregue los días en que el distrito está cerrado, como los días de nieve y las vacaciones, para que los plazos los salten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>District closures</source>
        <translation>Cierres del distrito</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closure date</source>
        <translation>Fecha del cierre</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Closure reason</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>e.g. Snow day</source>
        <translation>p. ej. Día de nieve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add c&amp;losure</source>
        <translation>Agregar c&amp;ierre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add closure</source>
        <translation>Agregar cierre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected closure</source>
        <translation>Quitar el cierre seleccionado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove closure</source>
        <translation>Quitar cierre</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../techapproval/gui/common.py" line="+81"/>
        <source>{name} error</source>
        <translation>Error en {name}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Not done</source>
        <translation>No se hizo</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/contract.py" line="+95"/>
        <source>Add a contract</source>
        <translation>Agregar un contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract status</source>
        <translation>Estado del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save contract</source>
        <translation>Guardar contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contract: {label}</source>
        <translation>Contrato: {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New contract</source>
        <translation>Contrato nuevo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contractor and purpose</source>
        <translation>Contratista y propósito</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New contractor…</source>
        <translation>Contratista &amp;nuevo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contractor</source>
        <translation>Contratista nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an operator or consultant to the registry</source>
        <translation>Agregar un operador o consultor al registro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Con&amp;tractor:</source>
        <translation>Con&amp;tratista:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Optional: tells apart two contracts with one contractor</source>
        <translation>Opcional: distingue dos contratos con un mismo contratista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Data privacy agreement 2026–29</source>
        <translation>p. ej. Acuerdo de privacidad de datos 2026–29</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;itle:</source>
        <translation>T&amp;ítulo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Propósito:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Brief description:</source>
        <translation>Descripción &amp;breve:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} (tick every kind)</source>
        <translation>{field} (marque todos los tipos)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Details:</source>
        <translation>&amp;Detalles:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The day both parties had signed</source>
        <translation>El día en que ambas partes habían firmado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Has a start date</source>
        <translation>Tiene fecha de inicio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Has an expiry date</source>
        <translation>Tiene fecha de vencimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last day the contract is in effect</source>
        <translation>El último día en que el contrato está vigente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date e&amp;xecuted:</source>
        <translation>Fecha de formali&amp;zación:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>St&amp;arts:</source>
        <translation>Com&amp;ienza:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expires (last day in e&amp;ffect):</source>
        <translation>Vence (último día de vi&amp;gencia):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provisions the contract contains (C.G.S. 10-234bb)</source>
        <translation>Disposiciones que contiene el contrato (C.G.S. 10-234bb)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A contract lacking any of the eleven is void unless the contractor amends it after notice. Note where the contract says each, e.g. “§ 7.2”.</source>
        <translation>Un contrato al que le falte alguna de las once es nulo, salvo que el contratista lo modifique después de recibir el aviso. Anote dónde dice cada una el contrato, p. ej. «§ 7.2».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The Commission for Educational Technology&apos;s addendum contains all eleven provisions</source>
        <translation>El anexo de la Comisión de Tecnología Educativa contiene las once disposiciones</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+87"/>
        <source>Provision</source>
        <translation>Disposición</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Where the contract says so</source>
        <translation>Dónde lo dice el contrato</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{value} clause</source>
        <translation>Cláusula de {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the contract contains {value}, e.g. a section number</source>
        <translation>Dónde contiene el contrato {value}, p. ej. un número de sección</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+223"/>
        <location line="+243"/>
        <source>Clause, e.g. § 7.2</source>
        <translation>Cláusula, p. ej. § 7.2</translation>
    </message>
    <message>
        <location line="-450"/>
        <source>Clause check of the signed document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clause check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reads the signed document for the eleven provisions and suggests where each is. Nothing is ticked until you accept a suggestion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach the signed document on the Contracts page (Attach signed document) to have it read for the eleven provisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Check the signed document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the signed document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the attached document for the eleven provisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accept the selected &amp;quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the selected quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the provision and keep the quote and its page as evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save &amp;gap report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save gap report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF for the notice to amend: each provision not ticked, the law&apos;s words, and what the document says instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clause check message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clause check suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words that matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clause check columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Selected suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clause check warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>History</source>
        <translation type="unfinished">Historial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation type="unfinished">Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation type="unfinished">Quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation type="unfinished">Qué</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changes</source>
        <translation type="unfinished">Cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract history columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Since it was executed</source>
        <translation>Desde su formalización</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Posted</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notice on the district website: due within 5 business days of execution</source>
        <translation>El aviso en el sitio web del distrito: vence dentro de los 5 días hábiles siguientes a la formalización</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice to the contractor to add the missing provisions</source>
        <translation>Aviso al contratista para que agregue las disposiciones que faltan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amended</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the contractor amended the contract; tick the provisions it added</source>
        <translation>El día en que el contratista modificó el contrato; marque las disposiciones que agregó</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contractor confirmed deleting student data after expiry</source>
        <translation>El contratista confirmó que eliminó los datos de los estudiantes después del vencimiento</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Contract form and policy help</source>
        <translation>Formulario del contrato y ayuda sobre la política</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose the contractor…</source>
        <translation>Elija el contratista…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Reading the signed document…</source>
        <translation>Leyendo el documento firmado…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{found} of 11 provisions found, {conflicts} in conflict. Select a found provision and accept its quote to tick it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The document is the state&apos;s uniform addendum: tick “{label}” if it is signed as it stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Breach notice: within {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>, page {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Words that matched: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>p. {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} ticked, with the quote from page {page} as evidence. Save the contract to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every provision is ticked: there is nothing to amend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the gap report for the notice to amend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gap report could not be saved: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved the gap report ({count} provisions) to {path}. Attach it to the notice to amend.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/contractor.py" line="+30"/>
        <source>Add a contractor</source>
        <translation>Agregar un contratista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change a contractor</source>
        <translation>Cambiar un contratista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operator (website, online service or app) or consultant that receives student information, records or content under a contract with the Board.</source>
        <translation>El operador (sitio web, servicio en línea o aplicación) o el consultor que recibe información, registros o contenido de los estudiantes por un contrato con la Junta.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Contact name:</source>
        <translation>Nombre del &amp;contacto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;email:</source>
        <translation>Correo &amp;electrónico del contacto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;phone:</source>
        <translation>Telé&amp;fono del contacto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website:</source>
        <translation>Sitio &amp;web:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://</source>
        <translation>https://</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add contractor</source>
        <translation>&amp;Agregar contratista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save contractor</source>
        <translation>&amp;Guardar contratista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add contractor</source>
        <translation>Agregar contratista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save contractor</source>
        <translation>Guardar contratista</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <location filename="../../techapproval/gui/pages/contracts.py" line="+67"/>
        <source>Contracts with operators and consultants that receive student information (C.G.S. 10-234bb), with their status for today. Press Enter or double-click to open one.</source>
        <translation>Contratos con operadores y consultores que reciben información de los estudiantes (C.G.S. 10-234bb), con su estado a día de hoy. Pulse Intro o haga doble clic para abrir uno.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contracts the district holds with operators and consultants that receive student information, with their status for today. Press Enter or double-click to see one.</source>
        <translation>Contratos que tiene el distrito con operadores y consultores que reciben información de los estudiantes, con su estado a día de hoy. Pulse Intro o haga doble clic para ver uno.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search contracts</source>
        <translation>Buscar contratos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words in the contractor&apos;s name or the contract title</source>
        <translation>Palabras del nombre del contratista o del título del contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search contractor or title</source>
        <translation>Buscar contratista o título</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sea&amp;rch:</source>
        <translation>Bu&amp;scar:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contract status details</source>
        <translation>Detalles del estado del contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contracts message</source>
        <translation>Mensaje de contratos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New c&amp;ontract…</source>
        <translation>C&amp;ontrato nuevo…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New contract</source>
        <translation>Contrato nuevo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ne&amp;w contractor…</source>
        <translation>Contratista &amp;nuevo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contractor</source>
        <translation>Contratista nuevo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit contract</source>
        <translation>&amp;Editar contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View contract</source>
        <translation>&amp;Ver contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit contract</source>
        <translation>Editar contrato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>View contract</source>
        <translation>Ver contrato</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach si&amp;gned document…</source>
        <translation>Adjuntar documento fir&amp;mado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach signed document</source>
        <translation>Adjuntar documento firmado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF or scan of the contract as signed; it is kept in the database</source>
        <translation>Un PDF o una copia escaneada del contrato firmado; se guarda en la base de datos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open doc&amp;ument</source>
        <translation>Abrir doc&amp;umento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open document</source>
        <translation>Abrir documento</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No contracts yet. Add one with New contract.</source>
        <translation>Todavía no hay contratos. Agregue uno con Contrato nuevo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contracts yet.</source>
        <translation>Todavía no hay contratos.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{name} added to the registry. Add their contract with New contract.</source>
        <translation>Se agregó {name} al registro. Agregue su contrato con Contrato nuevo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Attach the signed contract — {label}</source>
        <translation>Adjuntar el contrato firmado — {label}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file could not be read: {value}.</source>
        <translation>No se pudo leer el archivo: {value}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Attached {name} (SHA-256 {value}…) to {label}.</source>
        <translation>Se adjuntó {name} (SHA-256 {value}…) a {label}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking its clauses…</source>
        <translation>Revisando sus cláusulas…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clause check: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clause check: {found} of 11 provisions found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; not found: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; in conflict: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>. Edit the contract to read the quotes and accept them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/coverage.py" line="+38"/>
        <source>Contract coverage — {name}</source>
        <translation>Cobertura del contrato — {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How is the district&apos;s use of {name} covered under C.G.S. 10-234bb?</source>
        <translation>¿Cómo está cubierto el uso de {name} por el distrito según C.G.S. 10-234bb?</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason no contract is required</source>
        <translation>Motivo por el que no se requiere contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. a site for the general public; students do not sign in</source>
        <translation>p. ej. un sitio para el público general; los estudiantes no inician sesión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case reference</source>
        <translation>Referencia del caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exceptions&apos; case references, from the IEP/504 exceptions tab.</source>
        <translation>Las referencias de caso de las excepciones, de la pestaña Excepciones de IEP/504.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record an exception on the IEP/504 exceptions tab</source>
        <translation>Registre una excepción en la pestaña Excepciones de IEP/504</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No contracts are registered yet; add one under Contracts first.</source>
        <translation>Todavía no hay contratos registrados; agregue uno primero en Contratos.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save coverage</source>
        <translation>&amp;Guardar cobertura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save coverage</source>
        <translation>Guardar cobertura</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../techapproval/gui/crash.py" line="+55"/>
        <source>What went wrong</source>
        <translation>Qué salió mal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error details</source>
        <translation>Detalles del error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The details for district IT: where the problem was, without anything you typed</source>
        <translation>Los detalles para el departamento de TI del distrito: dónde estuvo el problema, sin nada de lo que usted escribió</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy result</source>
        <translation>Resultado de la copia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the details on the clipboard, to paste into a message to district IT</source>
        <translation>Poner los detalles en el portapapeles, para pegarlos en un mensaje al departamento de TI del distrito</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied. Paste the details into your message to district IT.</source>
        <translation>Copiado. Pegue los detalles en su mensaje al departamento de TI del distrito.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../techapproval/gui/widgets/date_field.py" line="+61"/>
        <source>{label} field</source>
        <translation>Campo {label}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{label} recorded</source>
        <translation>{label} registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick when there is a date for “{label}”</source>
        <translation>Marque cuando haya una fecha para «{label}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{label} calendar</source>
        <translation>Calendario de {label}</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../techapproval/gui/pages/deadlines.py" line="+80"/>
        <source>Deadlines summary</source>
        <translation>Resumen de los plazos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deadlines</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Obligation details</source>
        <translation>Detalles de la obligación</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Yearly notice status</source>
        <translation>Estado del aviso anual</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yearly notice date</source>
        <translation>Fecha del aviso anual</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dat&amp;e:</source>
        <translation>Fe&amp;cha:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record as &amp;sent</source>
        <translation>Registrar como en&amp;viado</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{overdue} overdue, {upcoming} coming up. Overdue items come first; press Enter on a line to open what it is about.</source>
        <translation>{overdue} vencidos, {upcoming} próximos. Los vencidos van primero; pulse Intro en una línea para abrir lo que corresponde.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Record as d&amp;rafted</source>
        <translation>Registrar como re&amp;dactado</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>⚠ Overdue since {day}</source>
        <translation>⚠ Vencida desde el {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◷ Due {day}</source>
        <translation>◷ Vence el {day}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open deletion request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open deletion request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open accessibility review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open accessibility review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open renewal</source>
        <translation type="unfinished">&amp;Abrir renovación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open renewal</source>
        <translation type="unfinished">Abrir renovación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to the yearly notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the yearly notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+1"/>
        <source>Selected obligation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open what the line is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yearly notice to families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record yearly notice drafted</source>
        <translation>Registrar el aviso anual como redactado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record yearly notice sent</source>
        <translation>Registrar el aviso anual como enviado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yearly notice error</source>
        <translation>Error del aviso anual</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing is due: every contract&apos;s obligations are met.</source>
        <translation>No vence nada: se cumplen las obligaciones de todos los contratos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accessibility reviews are dated for a town of 50,000 or more until an administrator sets the district&apos;s population under Settings.</source>
        <translation>Las revisiones de accesibilidad se fechan como para una localidad de 50,000 habitantes o más hasta que un administrador indique la población del distrito en Configuración.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a line to see what it asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Yearly notice to families ({label})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(set its address under Settings)</source>
        <translation>(indique su dirección en Configuración)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(an administrator sets its address under Settings)</source>
        <translation>(un administrador indica su dirección en Configuración)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notice to students and parents of the contracts website is due on or before {day}. Website: {website}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drafted {day}.</source>
        <translation>Redactado el {day}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not drafted yet.</source>
        <translation>Todavía no se redactó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ Sent {day}.</source>
        <translation>✔ Enviado el {day}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent yet.</source>
        <translation>Todavía no se envió.</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../techapproval/gui/widgets/decision_panel.py" line="+26"/>
        <source>For Office Use Only</source>
        <translation>Para uso exclusivo de la oficina</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason (required when not approved)</source>
        <translation>Motivo (obligatorio si no se aprueba)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Permission choice</source>
        <translation>Opción de permiso</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record decision</source>
        <translation>&amp;Registrar decisión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record decision</source>
        <translation>Registrar decisión</translation>
    </message>
</context>
<context>
    <name>DeletionDialogs</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/deletion.py" line="+80"/>
        <source>{label} field</source>
        <translation>Campo {label}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record a deletion request</source>
        <translation>Registrar una solicitud de eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A student, a parent or guardian, or the Board asked a contractor to delete student information, records or content. The contractor must delete it within the district&apos;s reasonable time, unless a law requires keeping it or the only copy is an inaccessible disaster-recovery copy.</source>
        <translation>Un estudiante, un padre, madre o tutor, o la Junta pidieron a un contratista que elimine información, registros o contenido de los estudiantes. El contratista debe eliminarlos en el plazo razonable del distrito, salvo que una ley exija conservarlos o que la única copia sea una copia de recuperación ante desastres inaccesible.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Con&amp;tractor:</source>
        <translation>Con&amp;tratista:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the contractor…</source>
        <translation>Elija el contratista…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contr&amp;act:</source>
        <translation>Contr&amp;ato:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested by</source>
        <translation>Pedido por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Case reference:</source>
        <translation>&amp;Referencia del caso:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case reference</source>
        <translation>Referencia del caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reference of the request&apos;s file. Never a student&apos;s name: the app keeps no names of students.</source>
        <translation>La referencia del expediente de la solicitud. Nunca el nombre de un estudiante: la aplicación no guarda nombres de estudiantes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date requested</source>
        <translation>Fecha de la solicitud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day the request reached the district or contractor</source>
        <translation>El día en que la solicitud llegó al distrito o al contratista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date re&amp;quested:</source>
        <translation>Fecha de la soli&amp;citud:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;What to delete:</source>
        <translation>&amp;Qué eliminar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. the account and essays of case DEL-2026-014 (describe the data, never name the student)</source>
        <translation>p. ej. la cuenta y los ensayos del caso DEL-2026-014 (describa los datos, nunca nombre al estudiante)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deletion due date</source>
        <translation>Fecha límite de la eliminación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record request</source>
        <translation>Re&amp;gistrar solicitud</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record request</source>
        <translation>Registrar solicitud</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+94"/>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>No particular contract</source>
        <translation>Ningún contrato en particular</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Optional for the Board: e.g. its minute number</source>
        <translation>Opcional para la Junta: p. ej. su número de acta</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deletion due by {value} ({days} days, the district&apos;s reasonable time).</source>
        <translation>La eliminación vence el {value} ({days} días, el plazo razonable del distrito).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close a deletion request</source>
        <translation>Cerrar una solicitud de eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contractor_name}: requested by {lower}{case} on {requested_on}; due {due_on}.</source>
        <translation>{contractor_name}: pedida por {lower}{case} el {requested_on}; vence el {due_on}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date closed</source>
        <translation>Fecha de cierre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day the contractor confirmed deleting or keeping it</source>
        <translation>El día en que el contratista confirmó que los eliminó o que los conserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+51"/>
        <source>Date &amp;confirmed:</source>
        <translation>Fecha de &amp;confirmación:</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required when the data is kept: which law requires it, or which disaster-recovery copy remains</source>
        <translation>Obligatoria si se conservan los datos: qué ley lo exige, o qué copia de recuperación ante desastres queda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save outcome</source>
        <translation>&amp;Guardar resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save outcome</source>
        <translation>Guardar resultado</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Confirm deletion after expiry</source>
        <translation>Confirmar la eliminación después del vencimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: the last day in effect was {expires_on}. Record the day the contractor confirmed that it retains no student information, records or content.</source>
        <translation>{label}: el último día de vigencia fue el {expires_on}. Registre el día en que el contratista confirmó que no conserva información, registros ni contenido de los estudiantes.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date deletion confirmed</source>
        <translation>Fecha de confirmación de la eliminación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save confirmation</source>
        <translation>&amp;Guardar confirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save confirmation</source>
        <translation>Guardar confirmación</translation>
    </message>
</context>
<context>
    <name>DeletionsPage</name>
    <message>
        <location filename="../../techapproval/gui/pages/deletions.py" line="+78"/>
        <source>Requests that a contractor delete student information, records or content, from a student, a parent or guardian, or the Board. The contractor deletes within the district&apos;s reasonable time unless a law requires keeping the data or the only copy is an inaccessible disaster-recovery copy. Requests are kept by case reference, never by a student&apos;s name.</source>
        <translation>Solicitudes para que un contratista elimine información, registros o contenido de los estudiantes, hechas por un estudiante, un padre, madre o tutor, o la Junta. El contratista los elimina en el plazo razonable del distrito, salvo que una ley exija conservar los datos o que la única copia sea una copia de recuperación ante desastres inaccesible. Las solicitudes se guardan por referencia de caso, nunca por el nombre de un estudiante.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deletion requests</source>
        <translation>Solicitudes de eliminación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deletion request details</source>
        <translation>Detalles de la solicitud de eliminación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record deletion request…</source>
        <translation>&amp;Registrar solicitud de eliminación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record deletion request</source>
        <translation>Registrar solicitud de eliminación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lose request…</source>
        <translation>Cerrar so&amp;licitud…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close request</source>
        <translation>Cerrar solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that the contractor deleted the data, or kept it under the law&apos;s exceptions</source>
        <translation>Registrar que el contratista eliminó los datos, o que los conservó según las excepciones de la ley</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Expired contracts without confirmed deletion</source>
        <translation>Contratos vencidos sin eliminación confirmada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When a contract expires the contractor may keep no student data. Record the day it confirmed deleting it.</source>
        <translation>Cuando un contrato vence, el contratista no puede conservar datos de los estudiantes. Registre el día en que confirmó que los eliminó.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expired contracts</source>
        <translation>Contratos vencidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expired contracts summary</source>
        <translation>Resumen de los contratos vencidos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;onfirm deletion…</source>
        <translation>C&amp;onfirmar eliminación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm deletion</source>
        <translation>Confirmar eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the contractor&apos;s confirmation that it retains no student data</source>
        <translation>Registrar la confirmación del contratista de que no conserva datos de los estudiantes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deletions message</source>
        <translation>Mensaje de eliminaciones</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only a reviewer keeps the deletion requests.</source>
        <translation>Solo un revisor lleva las solicitudes de eliminación.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>✔ Every expired contract has its deletion confirmed.</source>
        <translation>✔ Todos los contratos vencidos tienen su eliminación confirmada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {expired} expired contract{value} without confirmed deletion.</source>
        <translation>⚠ {expired} contrato{value} vencido(s) sin eliminación confirmada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{rows} requests, {overdue} overdue</source>
        <translation>{rows} solicitudes, {overdue} vencidas</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Recorded. {contractor_name} must delete the data by {due_on}.</source>
        <translation>Registrada. {contractor_name} debe eliminar los datos a más tardar el {due_on}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This request is already closed: {label}.</source>
        <translation>Esta solicitud ya está cerrada: {label}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Closed: {label}.</source>
        <translation>Cerrada: {label}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deletion confirmed for {label}.</source>
        <translation>Eliminación confirmada para {label}.</translation>
    </message>
</context>
<context>
    <name>DeskNotifier</name>
    <message>
        <location filename="../../techapproval/gui/tray.py" line="+32"/>
        <source>techapproval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A question about your request</source>
        <translation>Una pregunta sobre su solicitud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your request was decided</source>
        <translation>Se decidió su solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not approved</source>
        <translation>no aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned with a question</source>
        <translation>devuelta con una pregunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request {number} ({resource}): {status}.</source>
        <translation>Solicitud {number} ({resource}): {status}.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../techapproval/gui/domain_strings.py" line="+18"/>
        <source>P1 — Student data remains the Board&apos;s property and under its control</source>
        <translation>P1 — Los datos de los estudiantes siguen siendo propiedad de la Junta y bajo su control</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P2 — Means for the Board to request deletion</source>
        <translation>P2 — Medios para que la Junta pida la eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P3 — No use of the data except for purposes the contract authorizes</source>
        <translation>P3 — Ningún uso de los datos salvo para los fines que autoriza el contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P4 — Students and parents may review PII and correct errors</source>
        <translation>P4 — Los estudiantes y los padres pueden revisar la información personal y corregir errores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P5 — Contractor ensures security and confidentiality</source>
        <translation>P5 — El contratista garantiza la seguridad y la confidencialidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P6 — Procedures for notifying the Board of an unauthorized release</source>
        <translation>P6 — Procedimientos para notificar a la Junta una divulgación no autorizada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P7 — No retention of student data after the contract expires</source>
        <translation>P7 — No se conservan datos de los estudiantes después del vencimiento del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P8 — Contractor and Board ensure FERPA compliance</source>
        <translation>P8 — El contratista y la Junta garantizan el cumplimiento de FERPA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P9 — Connecticut law governs</source>
        <translation>P9 — Rige la ley de Connecticut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P10 — Severability</source>
        <translation>P10 — Divisibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P11 — No use of PII for advertising or any unauthorized purpose</source>
        <translation>P11 — Ningún uso de la información personal para publicidad ni para fines no autorizados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contract required</source>
        <translation>No se requiere contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IEP/504 exception</source>
        <translation>Excepción de IEP/504</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contract on file</source>
        <translation>No hay contrato en archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliant</source>
        <translation>Cumple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website notice due</source>
        <translation>Aviso en el sitio web pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website notice not posted</source>
        <translation>Aviso en el sitio web no publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing provisions</source>
        <translation>Faltan disposiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract details to complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void</source>
        <translation>Nulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IEP/504 exception incomplete</source>
        <translation>Excepción de IEP/504 incompleta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post website notice</source>
        <translation>Publicar el aviso en el sitio web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send notice to amend</source>
        <translation>Enviar el aviso de modificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amendment due</source>
        <translation>Modificación pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract expiring</source>
        <translation>Contrato por vencer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletion not confirmed</source>
        <translation>Eliminación no confirmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual notice to families</source>
        <translation>Aviso anual a las familias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breach: contractor&apos;s notice to the Board</source>
        <translation>Filtración: aviso del contratista a la Junta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breach: notify students and parents</source>
        <translation>Filtración: notificar a los estudiantes y a los padres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletion due</source>
        <translation>Eliminación pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility review</source>
        <translation>Revisión de accesibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal due</source>
        <translation>Renovación pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent or guardian</source>
        <translation>Padre, madre o tutor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board of Education</source>
        <translation>Junta de Educación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open: waiting for the contractor</source>
        <translation>Abierta: esperando al contratista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted (confirmed by the contractor)</source>
        <translation>Eliminados (confirmado por el contratista)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept: state or federal law requires retention</source>
        <translation>Conservados: la ley estatal o federal exige conservarlos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept: inaccessible disaster-recovery copy</source>
        <translation>Conservados: copia de recuperación ante desastres inaccesible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requester (staff)</source>
        <translation>Solicitante (personal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for more information</source>
        <translation>Devuelta para pedir más información</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmitted</source>
        <translation>Enviada de nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved</source>
        <translation>No aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sure</source>
        <translation>No estoy seguro/a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved for use</source>
        <translation>Aprobado para su uso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved for use at this time</source>
        <translation>No aprobado para su uso por ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additional parental notification and permission required.</source>
        <translation>Se requiere notificar a los padres y obtener su permiso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No additional notifications or permissions required.</source>
        <translation>No se requieren notificaciones ni permisos adicionales.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parental permission required</source>
        <translation>Se requiere el permiso de los padres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No additional permission</source>
        <translation>Sin permiso adicional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First and last name</source>
        <translation>Nombre y apellido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home address</source>
        <translation>Dirección de casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telephone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email address or other contact information</source>
        <translation>Correo electrónico u otros datos de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discipline records</source>
        <translation>Expedientes disciplinarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test results</source>
        <translation>Resultados de pruebas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special education data</source>
        <translation>Datos de educación especial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Juvenile dependency records</source>
        <translation>Expedientes de dependencia juvenil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grades</source>
        <translation>Grados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluations</source>
        <translation>Evaluaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criminal records</source>
        <translation>Antecedentes penales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical records</source>
        <translation>Expedientes médicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health records</source>
        <translation>Expedientes de salud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social security number</source>
        <translation>Número de seguro social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biometric information</source>
        <translation>Información biométrica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabilities</source>
        <translation>Discapacidades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socioeconomic information</source>
        <translation>Información socioeconómica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food purchases</source>
        <translation>Compras de comida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Political affiliations</source>
        <translation>Afiliaciones políticas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Religious information</source>
        <translation>Información religiosa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text messages</source>
        <translation>Mensajes de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student identifiers</source>
        <translation>Identificadores de estudiantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search activity</source>
        <translation>Actividad de búsqueda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice recordings</source>
        <translation>Grabaciones de voz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behavioral assessments</source>
        <translation>Evaluaciones de conducta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student-generated content (essays, reports, portfolios, creative work, audio, photos)</source>
        <translation>Contenido creado por los estudiantes (ensayos, informes, portafolios, trabajos creativos, audio, fotos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory information</source>
        <translation>Información de directorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None: no student information is shared</source>
        <translation>Ninguna: no se comparte información de los estudiantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCAG 2.2 Level AA</source>
        <translation>WCAG 2.2 nivel AA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCAG 2.1 Level AA</source>
        <translation>WCAG 2.1 nivel AA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCAG 2.0 Level AA (older than the rule&apos;s 2.1)</source>
        <translation>WCAG 2.0 nivel AA (anterior a la 2.1 que exige la norma)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial AA support, or Level A only</source>
        <translation>Cumplimiento parcial de AA, o solo nivel A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No conformance claimed</source>
        <translation>No declara conformidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conforms to WCAG 2.1 AA</source>
        <translation>Cumple con WCAG 2.1 AA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially conforms</source>
        <translation>Cumple en parte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Does not conform</source>
        <translation>No cumple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Se desconoce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IEP (individualized education program)</source>
        <translation>IEP (programa de educación individualizada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section 504 plan</source>
        <translation>Plan de la Sección 504</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resource complies with FERPA (20 USC 1232g) and HIPAA (P.L. 104-191)</source>
        <translation>El recurso cumple con FERPA (20 USC 1232g) y HIPAA (P.L. 104-191)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Board made a reasonable effort to contract with the operator and to find an equivalent resource that complies</source>
        <translation>La Junta hizo un esfuerzo razonable para firmar un contrato con el operador y para encontrar un recurso equivalente que cumpla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operator complies with C.G.S. 10-234cc for this use</source>
        <translation>El operador cumple con C.G.S. 10-234cc para este uso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parent or guardian signed an agreement acknowledging the resource cannot comply and authorizing its use</source>
        <translation>El padre, madre o tutor firmó un acuerdo en el que reconoce que el recurso no puede cumplir y autoriza su uso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A member of the planning and placement team signed the agreement (IEP only)</source>
        <translation>Un miembro del equipo de planificación y ubicación firmó el acuerdo (solo IEP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student information (other than directory information)</source>
        <translation>Información de los estudiantes (que no sea información de directorio)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student records</source>
        <translation>Registros de los estudiantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student-generated content</source>
        <translation>Contenido creado por los estudiantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed, with late notices</source>
        <translation>Cerrada, con avisos tardíos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed, every notice on time</source>
        <translation>Cerrada, todos los avisos a tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request waits for my review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reviewer asks me a question</source>
        <translation>Un revisor me hace una pregunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My request was decided</source>
        <translation>Se decidió mi solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A renewal waits for review</source>
        <translation>Una renovación espera revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each morning: deadlines overdue or coming</source>
        <translation>Cada mañana: plazos vencidos o próximos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource name</source>
        <translation>Nombre del recurso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date approved</source>
        <translation>Fecha de aprobación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why no contract is required</source>
        <translation>Por qué no se requiere contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractor</source>
        <translation>Contratista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract title</source>
        <translation>Título del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract purpose</source>
        <translation>Propósito del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student information the contract allows</source>
        <translation>Información de los estudiantes que permite el contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date signed</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State addendum used</source>
        <translation>Se usó el anexo estatal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provisions included</source>
        <translation>Disposiciones incluidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website notice posted</source>
        <translation>Aviso en el sitio web publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmitted with answers</source>
        <translation>Enviada de nuevo con respuestas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the resource</source>
        <translation>Nombre del recurso</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An accessibility conformance report (VPAT/ACR) is available</source>
        <translation>Hay un informe de conformidad de accesibilidad (VPAT/ACR)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility the vendor claims</source>
        <translation>Accesibilidad que declara el proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known accessibility barriers</source>
        <translation>Barreras de accesibilidad conocidas</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>50,000 or more</source>
        <translation>50,000 o más</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under 50,000</source>
        <translation>Menos de 50,000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special district government (e.g. a regional school district)</source>
        <translation>Gobierno de distrito especial (p. ej. un distrito escolar regional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conformance unknown</source>
        <translation>Conformidad desconocida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conforms</source>
        <translation>Cumple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternative plan</source>
        <translation>Plan alternativo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation type="unfinished">No se encontró</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How you plan to use it</source>
        <translation>Cómo planea usarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information shared</source>
        <translation>Información compartida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details of the information shared</source>
        <translation>Detalles de la información compartida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who will have access</source>
        <translation>Quién tendrá acceso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students sign up for an account</source>
        <translation>Los estudiantes crean una cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students download an application</source>
        <translation>Los estudiantes descargan una aplicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application requires parental permission</source>
        <translation>La aplicación exige el permiso de los padres</translation>
    </message>
</context>
<context>
    <name>EmailBox</name>
    <message>
        <location filename="../../techapproval/gui/settings_email.py" line="+46"/>
        <source>Email</source>
        <translation type="unfinished">Correo electrónico</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests, questions, decisions, renewals and each morning&apos;s deadlines are emailed through the district&apos;s mail relay. Email is off until the relay&apos;s host is set. The password is kept in the database, where only the sender reads it (this page never shows it), but anyone who can open the database file or connect as the app&apos;s database user can read it: give the relay an account that can only send mail, or set TECHAPPROVAL_SMTP_PASSWORD where the sender runs and leave it empty here. See docs/EMAIL.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Relay host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smtp-relay.gmail.com, smtp.office365.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>STARTTLS (port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS from the start (port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (a relay inside the district network only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relay password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Digest: deadlines due within (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Families&apos; mailing-list address (yearly notice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Save email settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the test to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Send a test email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last email errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the failed messages again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Taken from TECHAPPROVAL_SMTP_PASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password is kept: type here to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No password kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting: {pending}. Sent: {sent}. Failed: {failed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to be tried again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Email settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending a test email to {address}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The relay accepted the test email to {address}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test email was not sent: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} message(s) will be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionsPage</name>
    <message>
        <location filename="../../techapproval/gui/pages/exceptions.py" line="+66"/>
        <source>Date met: {short}</source>
        <translation>Fecha de cumplimiento: {short}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Cumplida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the district recorded this as met: {label}</source>
        <translation>El día en que el distrito registró esto como cumplido: {label}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence: {short}</source>
        <translation>Prueba: {short}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach evidence…</source>
        <translation>Adjuntar prueba…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach evidence: {short}</source>
        <translation>Adjuntar prueba: {short}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scan or file showing this condition is met; it is kept in the database</source>
        <translation>Una copia escaneada o un archivo que muestra que se cumple esta condición; se guarda en la base de datos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open evidence</source>
        <translation>Abrir prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open evidence: {short}</source>
        <translation>Abrir prueba: {short}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Resources used without a contract because they are unique and necessary for a child&apos;s IEP or Section 504 plan and cannot comply. The exception holds only while every condition of the law is met. Children are identified by case reference, never by name.</source>
        <translation>Recursos que se usan sin contrato porque son únicos y necesarios para el IEP o el plan de la Sección 504 de un niño y no pueden cumplir. La excepción vale solo mientras se cumplan todas las condiciones de la ley. Los niños se identifican por referencia de caso, nunca por su nombre.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IEP/504 exceptions</source>
        <translation>Excepciones de IEP/504</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <location line="+127"/>
        <source>Conditions of the selected exception</source>
        <translation>Condiciones de la excepción seleccionada</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Exception status</source>
        <translation>Estado de la excepción</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save condition dates</source>
        <translation>&amp;Guardar las fechas de las condiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save condition dates</source>
        <translation>Guardar las fechas de las condiciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved dates</source>
        <translation>Fechas sin guardar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conditions panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register and conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exceptions message</source>
        <translation>Mensaje de excepciones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record exception…</source>
        <translation>&amp;Registrar excepción…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record exception</source>
        <translation>Registrar excepción</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ve evidence packet…</source>
        <translation>G&amp;uardar el paquete de pruebas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save evidence packet</source>
        <translation>Guardar el paquete de pruebas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF for a parent who asks: each condition, its date and its evidence files</source>
        <translation>Un PDF para el padre que lo pida: cada condición, su fecha y sus archivos de prueba</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Only a reviewer keeps the IEP/504 exceptions.</source>
        <translation>Solo un revisor lleva las excepciones de IEP/504.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Someone else changed this exception meanwhile. Its dates as recorded now are shown with the ones you have not saved yet; check them, then save.</source>
        <translation>Otra persona cambió esta excepción mientras tanto. Se muestran sus fechas tal como están registradas ahora junto con las que usted todavía no guardó; revíselas y luego guarde.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Conditions: {resource_name}, {label}, case {case_reference}</source>
        <translation>Condiciones: {resource_name}, {label}, caso {case_reference}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{words} Resource: {state}.</source>
        <translation>{words} Recurso: {state}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No IEP/504 exceptions recorded.</source>
        <translation>No hay excepciones de IEP/504 registradas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select an exception to see its conditions.</source>
        <translation>Seleccione una excepción para ver sus condiciones.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attached: {document_name} (SHA-256 {value}…)</source>
        <translation>Adjunto: {document_name} (SHA-256 {value}…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256 {document_sha256}</source>
        <translation>SHA-256 {document_sha256}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No evidence attached</source>
        <translation>Ninguna prueba adjunta</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✎ {pending} dates not saved yet</source>
        <translation>✎ {pending} fechas todavía sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✎ {pending} date not saved yet</source>
        <translation>✎ {pending} fecha todavía sin guardar</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Recorded the exception for case {case_reference}. Date each condition as it is met and attach its evidence.</source>
        <translation>Se registró la excepción del caso {case_reference}. Ponga la fecha de cada condición cuando se cumpla y adjunte su prueba.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved. {words}</source>
        <translation>Guardado. {words}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Attach evidence — {short} — case {case_reference}</source>
        <translation>Adjuntar prueba — {short} — caso {case_reference}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file could not be read: {value}.</source>
        <translation>No se pudo leer el archivo: {value}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attached {name} (SHA-256 {value}…) as evidence: {short}.</source>
        <translation>Se adjuntó {name} (SHA-256 {value}…) como prueba: {short}.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save the condition dates first: the packet prints what is recorded.</source>
        <translation>Guarde primero las fechas de las condiciones: el paquete imprime lo que está registrado.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The packet could not be saved: {value}.</source>
        <translation>No se pudo guardar el paquete: {value}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved the evidence packet as {target}. Hand the evidence files over with it.</source>
        <translation>Se guardó el paquete de pruebas como {target}. Entregue con él los archivos de prueba.</translation>
    </message>
</context>
<context>
    <name>ExportRecordsDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/export_records.py" line="+37"/>
        <source>Excel workbook (.xlsx), a sheet per table</source>
        <translation>Libro de Excel (.xlsx), una hoja por tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files in a folder, a file per table</source>
        <translation>Archivos CSV en una carpeta, un archivo por tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files in a zip archive (.zip)</source>
        <translation>Archivos CSV en un archivo zip (.zip)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requests and decisions</source>
        <translation>Solicitudes y decisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved resources, with their compliance status</source>
        <translation>Recursos aprobados, con su estado de cumplimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts, with their eleven provisions</source>
        <translation>Contratos, con sus once disposiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletion requests</source>
        <translation>Solicitudes de eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IEP/504 exceptions (case references only)</source>
        <translation>Excepciones de IEP/504 (solo referencias de caso)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility reviews</source>
        <translation>Revisiones de accesibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export records</source>
        <translation>Exportar registros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exports the records for a public-records request or an auditor. Staff names and positions are included; students appear only by case reference. Drafts are not exported. The export is recorded in the audit trail.</source>
        <translation>Exporta los registros para una solicitud de registros públicos o para un auditor. Se incluyen los nombres y cargos del personal; los estudiantes aparecen solo por referencia de caso. Los borradores no se exportan. La exportación queda en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An Excel workbook, or CSV files that any spreadsheet opens</source>
        <translation>Un libro de Excel, o archivos CSV que abre cualquier hoja de cálculo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormato:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Tables</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Tables to export</source>
        <translation>Tablas que se exportarán</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+14"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The file to save, or for CSV files in a folder, the folder</source>
        <translation>El archivo que se guardará o, para archivos CSV en una carpeta, la carpeta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose destination</source>
        <translation>Elegir destino</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A folder for the CSV files</source>
        <translation>Una carpeta para los archivos CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A file ending in {suffix}</source>
        <translation>Un archivo que termine en {suffix}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save the CSV files in a folder</source>
        <translation>Guardar los archivos CSV en una carpeta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the records as</source>
        <translation>Guardar los registros como</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zip archive (*.zip)</source>
        <translation>Archivo zip (*.zip)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose at least one table to export.</source>
        <translation>Elija al menos una tabla para exportar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose where to save the export.</source>
        <translation>Elija dónde guardar la exportación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a file name ending in {suffix}.</source>
        <translation>Indique un nombre de archivo que termine en {suffix}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Exporting records</source>
        <translation>Exportando registros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting the records to {destination}…</source>
        <translation>Exportando los registros a {destination}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopped: nothing was exported.</source>
        <translation>Detenido: no se exportó nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {rows} rows to {destination}.</source>
        <translation>Se exportaron {rows} filas a {destination}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The records could not be saved to {destination}: {problem}. Nothing was exported.</source>
        <translation>No se pudieron guardar los registros en {destination}: {problem}. No se exportó nada.</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/forms.py" line="+42"/>
        <location line="+158"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>{what} heading</source>
        <translation>Encabezado de {what}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{what} form</source>
        <translation>Formulario de {what}</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/incident.py" line="+88"/>
        <source>Record a breach incident</source>
        <translation>Registrar un incidente de filtración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breach incident</source>
        <translation>Incidente de filtración</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline preview</source>
        <translation>Vista previa de la cronología</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save incident</source>
        <translation>Guardar incidente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New breach incident</source>
        <translation>Incidente de filtración nuevo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The breach</source>
        <translation>La filtración</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The operator or consultant where the breach happened</source>
        <translation>El operador o consultor donde ocurrió la filtración</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Con&amp;tractor:</source>
        <translation>Con&amp;tratista:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: the contract with this contractor that covers the data</source>
        <translation>Opcional: el contrato con este contratista que cubre los datos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;ontract:</source>
        <translation>C&amp;ontrato:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The day the contractor discovered the breach</source>
        <translation>El día en que el contratista descubrió la filtración</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date &amp;discovered:</source>
        <translation>Fecha del &amp;descubrimiento:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How many students&apos; data was involved; the lowest value means “{STUDENTS_UNKNOWN}”</source>
        <translation>Cuántos estudiantes tienen datos afectados; el valor más bajo significa «{STUDENTS_UNKNOWN}»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Students &amp;affected:</source>
        <translation>Estudiantes &amp;afectados:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What happened, as far as is known. Printed in the report and in the letter to parents: name no student.</source>
        <translation>Qué pasó, hasta donde se sabe. Se imprime en el informe y en la carta a los padres: no nombre a ningún estudiante.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Printed in the incident report and in the letter to parents: name no student. At most {description:,} characters</source>
        <translation>Se imprime en el informe del incidente y en la carta a los padres: no nombre a ningún estudiante. Como máximo {description:,} caracteres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;What happened:</source>
        <translation>&amp;Qué pasó:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} (tick every kind)</source>
        <translation>{field} (marque todos los tipos)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Student information other than directory information: the contractor must notify the Board within 30 days of discovery. Only directory information, student records or student-generated content: within 60 days.</source>
        <translation>Información de los estudiantes que no sea información de directorio: el contratista debe notificar a la Junta dentro de los 30 días siguientes al descubrimiento. Solo información de directorio, registros de los estudiantes o contenido creado por los estudiantes: dentro de los 60 días.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the contractor&apos;s notice of the breach reached the Board</source>
        <translation>El día en que el aviso de la filtración del contratista llegó a la Junta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notified</source>
        <translation>Notificados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the Board notified the affected students and parents electronically: due within 2 business days of receiving the contractor&apos;s notice</source>
        <translation>El día en que la Junta notificó por vía electrónica a los estudiantes y padres afectados: vence dentro de los 2 días hábiles siguientes a la recepción del aviso del contratista</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Posted</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day notice of the breach was posted on the district website</source>
        <translation>El día en que se publicó el aviso de la filtración en el sitio web del distrito</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose the contractor…</source>
        <translation>Elija el contratista…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{value} (executed {executed_on})</source>
        <translation>{value} (formalizado el {executed_on})</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../techapproval/gui/pages/incidents.py" line="+77"/>
        <source>Breaches of security at contractors (C.G.S. 10-234dd). The contractor must notify the Board within 30 days of discovery (student information) or 60 days (directory information, student records, student-generated content); the Board then has 2 business days to notify the students and parents affected and post a notice on its website. Press Enter or double-click to open one.</source>
        <translation>Filtraciones de seguridad en contratistas (C.G.S. 10-234dd). El contratista debe notificar a la Junta dentro de los 30 días siguientes al descubrimiento (información de los estudiantes) o de los 60 días (información de directorio, registros de los estudiantes, contenido creado por los estudiantes); después, la Junta tiene 2 días hábiles para notificar a los estudiantes y padres afectados y publicar un aviso en su sitio web. Pulse Intro o haga doble clic para abrir uno.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incident details</source>
        <translation>Detalles del incidente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incidents message</source>
        <translation>Mensaje de incidentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record incident…</source>
        <translation>&amp;Registrar incidente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record incident</source>
        <translation>Registrar incidente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a breach of security a contractor has discovered</source>
        <translation>Registrar una filtración de seguridad que descubrió un contratista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit incident</source>
        <translation>&amp;Editar incidente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit incident</source>
        <translation>Editar incidente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the incident, e.g. record a notice as given</source>
        <translation>Cambiar el incidente, p. ej. registrar que se dio un aviso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save incident rep&amp;ort…</source>
        <translation>Guardar el inf&amp;orme del incidente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save incident report</source>
        <translation>Guardar el informe del incidente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The incident with its deadlines, as a PDF for the district&apos;s file</source>
        <translation>El incidente con sus plazos, como PDF para el archivo del distrito</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save parent &amp;letter…</source>
        <translation>Guardar la carta a &amp;los padres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save parent letter</source>
        <translation>Guardar la carta a los padres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter to the students and parents whose data was involved, as a PDF</source>
        <translation>La carta a los estudiantes y padres cuyos datos se vieron afectados, como PDF</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No incidents recorded. Record one with Record incident.</source>
        <translation>No hay incidentes registrados. Registre uno con Registrar incidente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No incidents recorded.</source>
        <translation>No hay incidentes registrados.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The {what} could not be saved: {value}.</source>
        <translation>No se pudo guardar {what}: {value}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved the {what} as {path}.</source>
        <translation>Se guardó {what} como {path}.</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <location filename="../../techapproval/gui/widgets/letters.py" line="+43"/>
        <source>The language of the families who will read it</source>
        <translation>El idioma de las familias que la leerán</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Yearly notice files</source>
        <translation>Archivos del aviso anual</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notice for families in:</source>
        <translation>Aviso para familias en:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;letter…</source>
        <translation>Guardar &amp;carta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save yearly notice letter</source>
        <translation>Guardar la carta del aviso anual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notice as a PDF letter to print or attach</source>
        <translation>El aviso como carta en PDF para imprimir o adjuntar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ve email…</source>
        <translation>Guardar correo &amp;electrónico…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save yearly notice email</source>
        <translation>Guardar el correo electrónico del aviso anual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notice as an email (.eml) to open in your mail program, address to families (Bcc) and send</source>
        <translation>El aviso como correo electrónico (.eml) para abrir en su programa de correo, dirigir a las familias (CCO) y enviar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send to the mailin&amp;g list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send yearly notice to the mailing list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email the notice to the families&apos; mailing-list address set under Settings, Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Yearly notice file message</source>
        <translation>Mensaje de los archivos del aviso anual</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>⚠ Set the address of the district&apos;s contracts web page under Settings first: the notice is about it.</source>
        <translation>⚠ Primero indique en Configuración la dirección de la página web de contratos del distrito: el aviso trata de ella.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save the yearly notice as a letter</source>
        <translation>Guardar el aviso anual como carta</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The notice will be emailed to {address}. Record the day it was sent below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save the yearly notice as an email</source>
        <translation>Guardar el aviso anual como correo electrónico</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ Saved {path}</source>
        <translation>✔ Se guardó {path}</translation>
    </message>
</context>
<context>
    <name>ListView</name>
    <message>
        <location filename="../../techapproval/gui/widgets/list_view.py" line="+58"/>
        <source>{name} rows</source>
        <translation>Filas de {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} columns, click to sort</source>
        <translation>Columnas de {name}, haga clic para ordenar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../techapproval/gui/main_window.py" line="+65"/>
        <source>⚠ Cannot reach the database; retrying</source>
        <translation>⚠ No se puede conectar con la base de datos; reintentando</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Signed in as {name} · {role}</source>
        <translation>Sesión iniciada como {name} · {role}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+361"/>
        <source>&amp;New request</source>
        <translation>Solicitud &amp;nueva</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>New request</source>
        <translation>Solicitud nueva</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Database: {location}</source>
        <translation>Base de datos: {location}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database connection</source>
        <translation>Conexión con la base de datos</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Requests you have filed. Press Enter or double-click to open one; Ctrl+N starts a new one.</source>
        <translation>Las solicitudes que usted presentó. Pulse Intro o haga doble clic para abrir una; Ctrl+N empieza una nueva.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My requests</source>
        <translation>Mis solicitudes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;My requests</source>
        <translation>&amp;Mis solicitudes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status filter</source>
        <translation>Filtro por estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a decision</source>
        <translation>Esperando una decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All requests</source>
        <translation>Todas las solicitudes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search requests</source>
        <translation>Buscar solicitudes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words in the resource name, link or requester&apos;s name</source>
        <translation>Palabras del nombre del recurso, del enlace o del nombre del solicitante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search resource, link or requester</source>
        <translation>Buscar recurso, enlace o solicitante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sea&amp;rch:</source>
        <translation>Bu&amp;scar:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counts per status</source>
        <translation>Cantidad por estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Review &amp;queue</source>
        <translation>Cola de re&amp;visión</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Approved resources</source>
        <translation>Recursos apro&amp;bados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Contracts</source>
        <translation>&amp;Contratos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidentes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Deletions</source>
        <translation>Eliminaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IEP/504 e&amp;xceptions</source>
        <translation>E&amp;xcepciones de IEP/504</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Overdue obligations</source>
        <translation>Obligaciones vencidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>&amp;Deadlines</source>
        <translation>Pla&amp;zos</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Deadlines ({count} overdue)</source>
        <translation>Pla&amp;zos ({count} vencidas)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ {count} overdue obligations</source>
        <translation>⚠ {count} obligaciones vencidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ {count} overdue obligation</source>
        <translation>⚠ {count} obligación vencida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Nothing overdue</source>
        <translation>✔ Nada vencido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>&amp;Show:</source>
        <translation>M&amp;ostrar:</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>⏳ Working…</source>
        <translation>⏳ Trabajando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <location line="+250"/>
        <source>Add person</source>
        <translation>Agregar persona</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add p&amp;erson…</source>
        <translation>Agr&amp;egar persona…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New role</source>
        <translation>Función nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change ro&amp;le</source>
        <translation>Cambiar f&amp;unción</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+466"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Change role</source>
        <translation>Cambiar función</translation>
    </message>
    <message>
        <location line="-476"/>
        <source>Role for the selected person:</source>
        <translation>Función de la persona seleccionada:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+499"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location line="-498"/>
        <source>Give the selected person a temporary password; any lock-out ends</source>
        <translation>Dar a la persona seleccionada una contraseña temporal; se termina cualquier bloqueo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Switch account off or on</source>
        <translation>Activar o desactivar la cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone who left cannot sign in; everything they did stays on record</source>
        <translation>Quien se fue no puede iniciar sesión; todo lo que hizo queda registrado</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;People</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar configuración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save settings</source>
        <translation>Guardar configuración</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Settings page</source>
        <translation>Página de configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings</source>
        <translation>Co&amp;nfiguración</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print decision…</source>
        <translation>Im&amp;primir la decisión…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export contracts website…</source>
        <translation>&amp;Exportar el sitio web de contratos…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save &amp;decision sheets…</source>
        <translation>Guardar las hojas de &amp;decisión…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import approved resources and contracts…</source>
        <translation>&amp;Importar recursos aprobados y contratos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport records…</source>
        <translation>E&amp;xportar registros…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change pass&amp;word…</source>
        <translation>Cambiar la &amp;contraseña…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My email &amp;notifications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back &amp;up the database…</source>
        <translation>Hacer copia de seg&amp;uridad de la base de datos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the database from a bac&amp;kup…</source>
        <translation>Restaurar la base de datos desde una co&amp;pia…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy 3520.13</source>
        <translation>&amp;Política 3520.13</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About techapproval</source>
        <translation>&amp;Acerca de techapproval</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>{count} approvals came back to the queue for renewal.</source>
        <translation>{count} aprobaciones volvieron a la cola para su renovación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} approval came back to the queue for renewal.</source>
        <translation>{count} aprobación volvió a la cola para su renovación.</translation>
    </message>
    <message>
        <location line="+129"/>
        <location line="+39"/>
        <location line="+33"/>
        <source>Select a person first.</source>
        <translation>Primero seleccione una persona.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>{name} is already {role}. Choose another role first.</source>
        <translation>{name} ya tiene el rol {role}. Elija primero otro rol.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change the role of {name} from {old} to {new}?</source>
        <translation>¿Cambiar el rol de {name} de {old} a {new}?</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Password reset</source>
        <translation>Contraseña restablecida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password of {name} is reset. Give them the temporary password in person:

{password}

They must choose a new password when they next sign in.</source>
        <translation>Se restableció la contraseña de {name}. Entréguele la contraseña temporal en persona:

{password}

Deberá elegir una contraseña nueva la próxima vez que inicie sesión.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Switch acc&amp;ount on</source>
        <translation>Activar la cuen&amp;ta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch acc&amp;ount off</source>
        <translation>Desactivar la cuen&amp;ta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switch account</source>
        <translation>Activar o desactivar la cuenta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switch account off</source>
        <translation>Desactivar la cuenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch off the account of {name}? They can no longer sign in. Their requests, decisions and the audit trail stay as they are, and you can switch the account on again.</source>
        <translation>¿Desactivar la cuenta de {name}? Ya no podrá iniciar sesión. Sus solicitudes, sus decisiones y el registro de auditoría quedan como están, y usted puede volver a activar la cuenta.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your email notifications are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your password is changed.</source>
        <translation>Se cambió su contraseña.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Settings saved.</source>
        <translation>Se guardó la configuración.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to save: no setting was changed.</source>
        <translation>No hay nada que guardar: no se cambió ninguna opción.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Enter  Open the selected request</source>
        <translation>Intro  Abrir la solicitud seleccionada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tab / Shift+Tab  Move between fields</source>
        <translation>Tab / Mayús+Tab  Pasar de un campo a otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt + underlined letter  Jump to that field or button</source>
        <translation>Alt + letra subrayada  Ir a ese campo o botón</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Escape  Close a request window (it is saved)</source>
        <translation>Esc  Cerrar la ventana de una solicitud (queda guardada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1  Show or hide what policy 3520.13 says about the field you are in</source>
        <translation>F1  Mostrar u ocultar lo que dice la política 3520.13 sobre el campo en el que está</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About techapproval</source>
        <translation>Acerca de techapproval</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>techapproval {version}
Staff requests for approval of technology resources, Connecticut policy 3520.13.

Database: {location}
Schema version: {schema}</source>
        <translation>techapproval {version}
Solicitudes del personal para la aprobación de recursos tecnológicos, política 3520.13 de Connecticut.

Base de datos: {location}
Versión del esquema: {schema}</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../../techapproval/gui/maintenance.py" line="+30"/>
        <source>{value} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A backup or restore runs to its end once started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Back up the database to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copying the whole database to {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole database is copied to {file} ({size}). The backup holds personal data and only you can read it: keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore the database from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace everything in the database?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace everything in {location} with the backup {file}?

The file is checked first, and a copy of the database as it is now is kept before anything changes. Everyone else using this database should close techapproval first. When the restore is done you sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restoring the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking {file}, keeping a copy of the database, then restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database as it was is kept in {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database held nothing before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restored data was upgraded from schema {old} to {new}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored {file} into {location}. {kept}{upgraded}

This window now closes and techapproval asks you to sign in again: the restored data has its own people and passwords.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <location filename="../../techapproval/gui/settings_email.py" line="+17"/>
        <source>My email notifications</source>
        <translation>Mis notificaciones por correo electrónico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language of my emails</source>
        <translation>Idioma de mis correos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of my emails:</source>
        <translation>Idioma de mis correos:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hour of my morning digest</source>
        <translation>Hora de mi resumen de la mañana</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hour of my morning digest:</source>
        <translation>Hora de mi resumen de la mañana:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notifications message</source>
        <translation>Mensaje de notificaciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation type="unfinished">Cancelar</translation>
    </message>
</context>
<context>
    <name>OpenRenewalDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/open_renewal.py" line="+20"/>
        <source>Open a renewal</source>
        <translation>Abrir una renovación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{tool} is due for renewal and not in the review queue yet. Choose the staff member who uses it: the renewal goes to the review queue now, in their name, with what the district has on file filled in. Ask them for the rest with Return for more information.</source>
        <translation>{tool} debe renovarse y todavía no está en la cola de revisión. Elija el miembro del personal que lo usa: la renovación pasa ahora a la cola de revisión, a su nombre, con lo que el distrito tiene en archivo ya completado. Pídale el resto con Devolver para pedir más información.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Staff member who uses it:</source>
        <translation>&amp;Miembro del personal que lo usa:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Open renewal</source>
        <translation>&amp;Abrir renovación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open renewal</source>
        <translation>Abrir renovación</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No other active staff member is on file. An administrator adds staff under People.</source>
        <translation>No hay ningún otro miembro del personal activo en archivo. Un administrador agrega personal en Personas.</translation>
    </message>
</context>
<context>
    <name>ParentLetterDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/parent_letter.py" line="+25"/>
        <source>Parent letter</source>
        <translation>Carta a los padres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A letter to families about {resource_name}, with a permission slip to sign and return. Choose the language the family reads; print one letter per student.</source>
        <translation>Una carta a las familias sobre {resource_name}, con un permiso para firmar y devolver. Elija el idioma que lee la familia; imprima una carta por estudiante.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return by</source>
        <translation>Devolver a más tardar el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for the slip back by</source>
        <translation>Pedir que devuelvan el permiso a más tardar el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date the letter asks families to return the slip by</source>
        <translation>La fecha hasta la que la carta pide a las familias que devuelvan el permiso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Return by:</source>
        <translation>&amp;Devolver a más tardar el:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save letter…</source>
        <translation>&amp;Guardar carta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save parent letter</source>
        <translation>Guardar la carta a los padres</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save the parent letter as PDF</source>
        <translation>Guardar la carta a los padres como PDF</translation>
    </message>
</context>
<context>
    <name>ParentalPermissions</name>
    <message>
        <location filename="../../techapproval/gui/widgets/permissions.py" line="+62"/>
        <source>Change class or case</source>
        <translation>Cambiar clase o caso</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+77"/>
        <source>Add class or case</source>
        <translation>Agregar clase o caso</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Count the permission slips for one class, or for one student by a case reference. Never type a student’s name: the signed slips stay on paper at school.</source>
        <translation>Cuente los permisos firmados de una clase, o de un estudiante mediante una referencia de caso. Nunca escriba el nombre de un estudiante: los permisos firmados se quedan en papel en la escuela.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Class or case:</source>
        <translation>&amp;Clase o caso:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save class or case</source>
        <translation>Guardar clase o caso</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <source>Parental permissions</source>
        <translation>Permisos de los padres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved with additional parental notification and permission: send the letter home, then count the slips that come back. Record classes or case references only, never a student’s name.</source>
        <translation>Aprobado con notificación y permiso adicional de los padres: envíe la carta a casa y luego cuente los permisos que regresan. Registre solo clases o referencias de caso, nunca el nombre de un estudiante.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Paren&amp;t letter…</source>
        <translation>Carta a los pa&amp;dres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent letter</source>
        <translation>Carta a los padres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter and permission slip for families, in English or Spanish, as a PDF</source>
        <translation>La carta y el permiso para las familias, en inglés o en español, como PDF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Permission slips</source>
        <translation>Permisos firmados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add class or case…</source>
        <translation>Agregar clase o caso…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit class or case</source>
        <translation>Editar clase o caso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Remove class or case</source>
        <translation>Quitar clase o caso</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Permissions outstanding</source>
        <translation>Permisos pendientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parental permissions message</source>
        <translation>Mensaje de los permisos de los padres</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Remove {label} and its counts from the list? The history keeps a record.</source>
        <translation>¿Quitar {label} y sus cifras de la lista? El historial guarda un registro.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Removed {label}.</source>
        <translation>Se quitó {label}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✔ Saved {path}</source>
        <translation>✔ Se guardó {path}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/password.py" line="+26"/>
        <source>Choose a new password</source>
        <translation>Elija una contraseña nueva</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repita la contraseña nueva:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save new password</source>
        <translation>&amp;Guardar contraseña nueva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save new password</source>
        <translation>Guardar contraseña nueva</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reset password — {name}</source>
        <translation>Restablecer contraseña — {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give {name} ({email}) this temporary password in person, or type your own. They must choose a new password when they next sign in. If the account is locked after wrong passwords, the lock ends now.</source>
        <translation>Entregue en persona a {name} ({email}) esta contraseña temporal, o escriba una propia. Deberá elegir una contraseña nueva la próxima vez que inicie sesión. Si la cuenta está bloqueada por contraseñas incorrectas, el bloqueo termina ahora.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cance&amp;l</source>
        <translation>Cance&amp;lar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>PlanExceptionDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/plan_exception.py" line="+28"/>
        <source>Record an IEP/504 exception</source>
        <translation>Registrar una excepción de IEP/504</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contract is required for a resource that is unique and necessary to implement a child&apos;s IEP or Section 504 plan and cannot comply, provided every condition of the law is met. Record the exception here, then date each condition and attach its evidence.</source>
        <translation>No se requiere contrato para un recurso que es único y necesario para aplicar el IEP o el plan de la Sección 504 de un niño y que no puede cumplir, siempre que se cumplan todas las condiciones de la ley. Registre aquí la excepción; luego ponga la fecha de cada condición y adjunte su prueba.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Resource:</source>
        <translation>&amp;Recurso:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the approved resource…</source>
        <translation>Elija el recurso aprobado…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case reference:</source>
        <translation>Referencia del &amp;caso:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case reference</source>
        <translation>Referencia del caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reference of the child&apos;s IEP or 504 file. Never a student&apos;s name: the app keeps no names of students.</source>
        <translation>La referencia del expediente del IEP o del plan 504 del niño. Nunca el nombre de un estudiante: la aplicación no guarda nombres de estudiantes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why the resource is unique and necessary; what was tried. Printed in the evidence packet for the parent: never the student&apos;s name.</source>
        <translation>Por qué el recurso es único y necesario; qué se intentó. Se imprime en el paquete de pruebas para el padre: nunca el nombre del estudiante.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed in the evidence packet a parent may ask for</source>
        <translation>Se imprime en el paquete de pruebas que un padre puede pedir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save exception</source>
        <translation>&amp;Guardar excepción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save exception</source>
        <translation>Guardar excepción</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No approved resource can take an exception: each is covered by a contract, or none is approved yet.</source>
        <translation>Ningún recurso aprobado admite una excepción: cada uno está cubierto por un contrato, o todavía no hay ninguno aprobado.</translation>
    </message>
</context>
<context>
    <name>PolicyHelpPanel</name>
    <message>
        <location filename="../../techapproval/gui/widgets/policy_help.py" line="+55"/>
        <source>Policy help</source>
        <translation>Ayuda sobre la política</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The passages of policy 3520.13 about the field you are in</source>
        <translation>Los pasajes de la política 3520.13 sobre el campo en el que está</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Polic&amp;y help</source>
        <translation>Ayuda sobre la polí&amp;tica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show policy help</source>
        <translation>Mostrar la ayuda sobre la política</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide what policy 3520.13 says about the field you are in (F1)</source>
        <translation>Mostrar u ocultar lo que dice la política 3520.13 sobre el campo en el que está (F1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Move to a field with Tab or the mouse: what policy 3520.13 and its form say about it appears here. Help → Policy 3520.13 shows the whole policy.</source>
        <translation>Pase a un campo con Tab o con el mouse: aquí aparece lo que dicen la política 3520.13 y su formulario sobre él. Ayuda → Política 3520.13 muestra la política completa.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About: {field}</source>
        <translation>Sobre: {field}</translation>
    </message>
</context>
<context>
    <name>PolicyTextWindow</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/policy_text.py" line="+39"/>
        <source>Policy 3520.13</source>
        <translation>Política 3520.13</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Policy 3520.13 “Student Data Protection and Privacy/Cloud-Based Issues” and its form, in the sample wording of the Connecticut Association of Boards of Education, then excerpts of the ADA Title II web rule (28 CFR 35.200) from the Federal Register. Type in Find and press Enter for the next match, Shift+Enter for the previous.</source>
        <translation>La política 3520.13 «Student Data Protection and Privacy/Cloud-Based Issues» (Protección y privacidad de los datos de los estudiantes/asuntos de la nube) y su formulario, en la redacción modelo de la Connecticut Association of Boards of Education, seguidas de extractos de la norma web del título II de la ADA (28 CFR 35.200) del Federal Register. El texto se muestra en su versión oficial en inglés. Escriba en Buscar y pulse Intro para la siguiente coincidencia, Mayús+Intro para la anterior.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About this text</source>
        <translation>Sobre este texto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find in the policy</source>
        <translation>Buscar en la política</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words to find, e.g. directory information</source>
        <translation>Palabras que buscar, p. ej. directory information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous</source>
        <translation>&amp;Anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find result</source>
        <translation>Resultado de la búsqueda</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Policy 3520.13 text</source>
        <translation>Texto de la política 3520.13</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../techapproval/gui/printing.py" line="+39"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Print decision</source>
        <translation>Imprimir la decisión</translation>
    </message>
</context>
<context>
    <name>RecordsImportDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/records_import.py" line="+49"/>
        <source>{name} rows</source>
        <translation>Filas de {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} columns</source>
        <translation>Columnas de {name}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import approved resources and contracts</source>
        <translation>Importar recursos aprobados y contratos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imports the list of approved resources and their contracts that the district keeps in a spreadsheet (CSV or Excel .xlsx). One row is one resource, with the contract that covers it on the same row if there is one. A column the sheet does not have stays empty: a contract without its purpose, description or student information is imported all the same and listed on the Deadlines tab as details to complete. Dates are read month first (8/1/2025). Nothing is written until you import, and an import can be undone as a whole below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>The spreadsheet to import: CSV or .xlsx</source>
        <translation>La hoja de cálculo que se importará: CSV o .xlsx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hoose…</source>
        <translation>Ele&amp;gir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file</source>
        <translation>Elegir archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Read file</source>
        <translation>&amp;Leer archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read file</source>
        <translation>Leer archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File summary</source>
        <translation>Resumen del archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column mapping</source>
        <translation>Correspondencia de columnas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet column</source>
        <translation>Columna de la hoja de cálculo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>Primer valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported as</source>
        <translation>Se importa como</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview of the first rows</source>
        <translation>Vista previa de las primeras filas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column mapping and preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check of every row</source>
        <translation>Revisión de cada fila</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation report</source>
        <translation>Informe de validación</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check summary</source>
        <translation>Resumen de la revisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save rows to fi&amp;x as:</source>
        <translation>Guardar las filas que corregir co&amp;mo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File for the rows to fix</source>
        <translation>Archivo para las filas que corregir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the rows left out are saved, with a column saying what to fix, when only valid rows are imported</source>
        <translation>Dónde se guardan las filas que quedan fuera, con una columna que dice qué corregir, cuando se importan solo las filas válidas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import &amp;all</source>
        <translation>Importar &amp;todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import all</source>
        <translation>Importar todo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;valid rows only</source>
        <translation>Importar solo las filas &amp;válidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import valid rows only</source>
        <translation>Importar solo las filas válidas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Past imports</source>
        <translation>Importaciones anteriores</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+222"/>
        <source>Imported</source>
        <translation>Importada</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo import</source>
        <translation>&amp;Deshacer importación</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+233"/>
        <source>Undo import</source>
        <translation>Deshacer importación</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Removes everything the selected import created</source>
        <translation>Quita todo lo que creó la importación seleccionada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo result</source>
        <translation>Resultado de deshacer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns, check and past imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check and past imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the spreadsheet to import</source>
        <translation>Elija la hoja de cálculo que se importará</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Hojas de cálculo (*.csv *.xlsx *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a CSV or .xlsx file that exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ {problem}</source>
        <translation>⚠ {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{rows} row(s) read from {file}; the column names are on row {header} ({where}).</source>
        <translation>Se leyeron {rows} fila(s) de {file}; los nombres de las columnas están en la fila {header} ({where}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported as, for column {column}</source>
        <translation>Se importa como, para la columna {column}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>⚠ Problem</source>
        <translation>⚠ Problema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Omitida</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>✔ {already} row(s) already imported; nothing new to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{repeats} repeated row(s) skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{resources} resource(s) and {contracts} new or existing contract(s) ready to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{already} row(s) already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{repeats} repeated row(s) skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{invalid} row(s) with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{to_complete} contract(s) will have details to complete, listed on the Deadlines tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>⚠ Give a file in an existing folder to save the rows to fix in; nothing was imported.</source>
        <translation>⚠ Indique un archivo en una carpeta existente donde guardar las filas que corregir; no se importó nada.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imported {resources} resource(s), {contracts} contract(s) and {contractors} contractor(s) (import {id}); {skipped} row(s) skipped.</source>
        <translation>Se importaron {resources} recurso(s), {contracts} contrato(s) y {contractors} contratista(s) (importación {id}); {skipped} fila(s) omitida(s).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{rows} row(s) to fix were saved in {file}.</source>
        <translation>Se guardaron {rows} fila(s) que corregir en {file}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ The rows to fix could not be saved in {file}: {problem}</source>
        <translation>⚠ No se pudieron guardar las filas que corregir en {file}: {problem}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Undone {when} by {who}</source>
        <translation>Deshecha el {when} por {who}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remove the {resources} resource(s) and {contracts} contract(s) that the import of {file} created?</source>
        <translation>¿Quitar los {resources} recurso(s) y {contracts} contrato(s) que creó la importación de {file}?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The import of {file} was undone.</source>
        <translation>Se deshizo la importación de {file}.</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../techapproval/gui/widgets/request_form.py" line="+29"/>
        <source>1. Give name and description of the technology resource you are requesting to use. If you are requesting an online resource, please include a link to the resource.</source>
        <translation>1. Indique el nombre y una descripción del recurso tecnológico que solicita usar. Si solicita un recurso en línea, incluya un enlace al recurso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>2. Describe how you plan to use the requested resource. What information, if any, will be shared? Who will have access to the resource? If for use by students, will students need to sign up for an account or download an application? Is parental permission required by the application before use by a student?</source>
        <translation>2. Describa cómo planea usar el recurso solicitado. ¿Qué información se compartirá, si alguna? ¿Quién tendrá acceso al recurso? Si lo usarán los estudiantes, ¿tendrán que crear una cuenta o descargar una aplicación? ¿La aplicación exige el permiso de los padres antes de que un estudiante la use?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not on the paper form: under the ADA, the tools the district provides must meet the WCAG 2.1 Level AA accessibility standard. Answer what you know; “Not sure” is fine.</source>
        <translation>No figura en el formulario de papel: según la ADA, las herramientas que ofrece el distrito deben cumplir la norma de accesibilidad WCAG 2.1 nivel AA. Responda lo que sepa; «No estoy seguro» es válido.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not stated</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request form</source>
        <translation>Formulario de solicitud</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requester, position and date</source>
        <translation>Solicitante, cargo y fecha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If the resource will be used by students, which grade(s)?</source>
        <translation>Si los estudiantes usarán el recurso, ¿en qué grado(s)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grade {value}</source>
        <translation>Grado {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used by students (administrative use)</source>
        <translation>No lo usarán los estudiantes (uso administrativo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not used by students</source>
        <translation>No lo usarán los estudiantes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A web address starting with https://</source>
        <translation>Una dirección web que empiece con https://</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name of the resource:</source>
        <translation>&amp;Nombre del recurso:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Link:</source>
        <translation>&amp;Enlace:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matching district decisions</source>
        <translation>Decisiones del distrito que coinciden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How you &amp;plan to use it:</source>
        <translation>Cómo &amp;planea usarlo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What information will be shared? (tick every kind)</source>
        <translation>¿Qué información se compartirá? (marque todos los tipos)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Details of the &amp;information:</source>
        <translation>Detalles de la &amp;información:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Who will have access:</source>
        <translation>&amp;Quién tendrá acceso:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Students must sign up for an &amp;account?</source>
        <translation>¿Los estudiantes deben crear una &amp;cuenta?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Students must d&amp;ownload an application?</source>
        <translation>¿Los estudiantes deben desc&amp;argar una aplicación?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The application requires parental p&amp;ermission before use?</source>
        <translation>¿La aplicación exige el pe&amp;rmiso de los padres antes de usarla?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accessibility (optional)</source>
        <translation>Accesibilidad (opcional)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Is an accessi&amp;bility conformance report (VPAT or ACR) available?</source>
        <translation>¿Hay un informe de conformidad de accesi&amp;bilidad (VPAT o ACR)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which accessibility standard does the vendor claim?</source>
        <translation>¿Qué norma de accesibilidad declara el proveedor?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Known accessibility barriers:</source>
        <translation>Barreras de accesibilidad &amp;conocidas:</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Name: {name}    Position: {position}    Date: {date_text}</source>
        <translation>Nombre: {name}    Cargo: {position}    Fecha: {date_text}</translation>
    </message>
</context>
<context>
    <name>RequestWindow</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/request_window.py" line="+66"/>
        <source>⚠ Cannot reach the database; your text is kept on this computer and will be saved when it answers.</source>
        <translation>⚠ No se puede conectar con la base de datos; su texto se guarda en esta computadora y se guardará cuando responda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+170"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+31"/>
        <location line="+212"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Permission</source>
        <translation>Permiso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information shared</source>
        <translation>Información compartida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grades</source>
        <translation>Grados</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>staff use only (not by students)</source>
        <translation>solo para el personal (no para estudiantes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>grade {grades}</source>
        <translation>grado {grades}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grades {grades}</source>
        <translation>grados {grades}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>✓ APPROVED: {name} ({link}), {permission}, since {date}; the grades it was approved for are not recorded. Ask the technology coordinator before relying on it.</source>
        <translation>✓ APROBADO: {name} ({link}), {permission}, desde {date}; no consta para qué grados se aprobó. Consulte al coordinador de tecnología antes de contar con ello.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ APPROVED for {approved}: {name} ({link}), {permission}, since {date}. You may not need to file this request if you use it there.</source>
        <translation>✓ APROBADO para {approved}: {name} ({link}), {permission}, desde {date}. Puede que no necesite presentar esta solicitud si lo usa allí.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ APPROVED for {approved}: {name} ({link}), {permission}, since {date}. It covers what you asked for: you may not need to file this request.</source>
        <translation>✓ APROBADO para {approved}: {name} ({link}), {permission}, desde {date}. Cubre lo que usted pide: puede que no necesite presentar esta solicitud.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ APPROVED for {approved} only: {name} ({link}), {permission}, since {date}. You asked for {asked}: file a request for those grades.</source>
        <translation>⚠ APROBADO solo para {approved}: {name} ({link}), {permission}, desde {date}. Usted pide {asked}: presente una solicitud para esos grados.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ APPROVED for {approved} only: {name} ({link}), {permission}, since {date}. You asked for {asked}: file a request for {missing}.</source>
        <translation>⚠ APROBADO solo para {approved}: {name} ({link}), {permission}, desde {date}. Usted pide {asked}: presente una solicitud para {missing}.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Request heading</source>
        <translation>Encabezado de la solicitud</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request sections</source>
        <translation>Secciones de la solicitud</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Form</source>
        <translation>&amp;Formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+164"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History columns</source>
        <translation>Columnas del historial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request and what goes with it</source>
        <translation>La solicitud y lo que la acompaña</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Print decision</source>
        <translation>Imprimir la decisión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Your request</source>
        <translation>Su solicitud</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Submit request</source>
        <translation>&amp;Enviar solicitud</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submit request</source>
        <translation>Enviar solicitud</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reviewer asked a question (see Conversation). Change the form if needed, answer here, and resubmit:</source>
        <translation>El revisor hizo una pregunta (vea Conversación). Cambie el formulario si hace falta, responda aquí y vuelva a enviarla:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>Your answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send answer and &amp;resubmit</source>
        <translation>Enviar respuesta y &amp;volver a enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send answer and resubmit</source>
        <translation>Enviar respuesta y volver a enviar</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+494"/>
        <source>Withdraw request</source>
        <translation>Retirar solicitud</translation>
    </message>
    <message>
        <location line="-489"/>
        <location line="+500"/>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <location line="-499"/>
        <source>Deletes this draft: it was never submitted, so nobody else has seen it</source>
        <translation>Elimina este borrador: nunca se presentó, así que nadie más lo ha visto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Renewal: previous decision and what changed</source>
        <translation>Renovación: decisión anterior y lo que cambió</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renewal due date</source>
        <translation>Fecha de renovación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous decision and what changed</source>
        <translation>Decisión anterior y lo que cambió</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed</source>
        <translation>Cambió</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renewal comparison columns</source>
        <translation>Columnas de la comparación de renovación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal comparison rows</source>
        <translation>Filas de la comparación de renovación</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This approval is due for renewal on {day}.</source>
        <translation>Esta aprobación debe renovarse el {day}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval was opened for renewal by a reviewer; it has no due date.</source>
        <translation>Un revisor abrió la renovación de esta aprobación; no tiene fecha límite.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✱ Changed</source>
        <translation>✱ Cambió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>? Not known</source>
        <translation>? No se sabe</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recovered from this computer</source>
        <translation>Recuperado de esta computadora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovered input</source>
        <translation>Datos recuperados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovered text</source>
        <translation>Texto recuperado</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Copy recovered text</source>
        <translation>Copiar el texto recuperado</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Discard recovered text</source>
        <translation>Descartar el texto recuperado</translation>
    </message>
    <message>
        <location line="-406"/>
        <location line="+418"/>
        <source>Contract status</source>
        <translation>Estado del contrato</translation>
    </message>
    <message>
        <location line="-447"/>
        <source>Used by students</source>
        <translation>Lo usan los estudiantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved resource</source>
        <translation>Recurso aprobado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renews request</source>
        <translation>Renueva la solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal due</source>
        <translation>Renovación prevista</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Class or case</source>
        <translation>Clase o caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slips expected</source>
        <translation>Formularios esperados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission given</source>
        <translation>Permiso dado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission refused</source>
        <translation>Permiso negado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft started</source>
        <translation>Borrador iniciado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmitted with answers</source>
        <translation>Presentada de nuevo con respuestas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned with a question</source>
        <translation>Devuelta con una pregunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved</source>
        <translation>No aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal opened</source>
        <translation>Renovación abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission slips added</source>
        <translation>Permisos firmados agregados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission slips changed</source>
        <translation>Permisos firmados cambiados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission slips removed</source>
        <translation>Permisos firmados quitados</translation>
    </message>
    <message>
        <location line="+449"/>
        <source>Ask the requester</source>
        <translation>Preguntar al solicitante</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Question for the requester</source>
        <translation>Pregunta para el solicitante</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>What do you need to know before deciding?</source>
        <translation>¿Qué necesita saber antes de decidir?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return for more information</source>
        <translation>Devolver para pedir más información</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Request {id}</source>
        <translation>Solicitud {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New request</source>
        <translation>Solicitud nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: {name}</source>
        <translation>{reference}: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{reference} — Staff Request for Approval of Technology Resources</source>
        <translation>{reference} — Solicitud del personal para la aprobación de recursos tecnológicos</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>not yet submitted</source>
        <translation>aún no enviada</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Contract status: reading…</source>
        <translation>Estado del contrato: leyendo…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Conversation ({messages})</source>
        <translation>&amp;Conversación ({messages})</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Status: new draft. Your draft is saved as you type.</source>
        <translation>Estado: borrador nuevo. Su borrador se guarda mientras escribe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status: {status}. Question from the reviewer: {question}</source>
        <translation>Estado: {status}. Pregunta del revisor: {question}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status: {status}. Your draft is saved as you type.</source>
        <translation>Estado: {status}. Su borrador se guarda mientras escribe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For Office Use Only</source>
        <translation>Para uso exclusivo de la oficina</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approver</source>
        <translation>Aprobador</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No questions or answers yet.</source>
        <translation>Todavía no hay preguntas ni respuestas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{author} asked on {when}:</source>
        <translation>{author} preguntó el {when}:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{author} answered on {when}:</source>
        <translation>{author} respondió el {when}:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{author} wrote on {when}:</source>
        <translation>{author} escribió el {when}:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recovered what you typed on {when}, which had not reached the database (techapproval closed, or the database did not answer). Check it: it is saved as your draft like anything you type.</source>
        <translation>Se recuperó lo que escribió el {when}, que no había llegado a la base de datos (techapproval se cerró o la base de datos no respondió). Revíselo: se guarda como su borrador igual que todo lo que escribe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What you typed here on {when} never reached the database, and since then this request was {status}, so it can no longer be changed: nothing in it was overwritten. Your text is below to copy. It stays on this computer until you discard it.</source>
        <translation>Lo que escribió aquí el {when} nunca llegó a la base de datos y, desde entonces, el estado de esta solicitud pasó a «{status}», así que ya no se puede cambiar: no se sobrescribió nada. Abajo está su texto para copiarlo. Se queda en esta computadora hasta que lo descarte.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>Delete this draft? It was never submitted; what you typed in it is removed and cannot be brought back.</source>
        <translation>¿Eliminar este borrador? Nunca se presentó; lo que escribió en él se borra y no se puede recuperar.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{resource_name}: {status}

If it will receive student data, the district needs a contract with all eleven provisions (C.G.S. 10-234bb). After approving, record its contract, or why none is required, under Approved resources → Contract coverage.

Approve anyway?</source>
        <translation>{resource_name}: {status}

Si va a recibir datos de estudiantes, el distrito necesita un contrato con las once disposiciones (C.G.S. 10-234bb). Después de aprobar, registre su contrato, o por qué no hace falta, en Recursos aprobados → Cobertura del contrato.

¿Aprobar de todos modos?</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Your last changes are not in the database yet ({problem}). {kept}

Close the window now?</source>
        <translation>Sus últimos cambios todavía no están en la base de datos ({problem}). {kept}

¿Cerrar la ventana ahora?</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>Not saved: {errors}</source>
        <translation>No se guardó: {errors}</translation>
    </message>
    <message>
        <location line="-480"/>
        <source>Actions and policy help</source>
        <translation>Acciones y ayuda sobre la política</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ve as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Withdraw re&amp;quest</source>
        <translation>Retirar soli&amp;citud</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Accessibility status</source>
        <translation>Estado de accesibilidad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accessibility review…</source>
        <translation>Revisión de accesibilidad…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility review</source>
        <translation>Revisión de accesibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a review of this tool against WCAG 2.1 Level AA (ADA Title II)</source>
        <translation>Registrar una revisión de esta herramienta según WCAG 2.1 nivel AA (ADA, título II)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ret&amp;urn for more information</source>
        <translation>Dev&amp;olver para pedir más información</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Contract status: {state}</source>
        <translation>Estado del contrato: {state}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accessibility: {status}</source>
        <translation>Accesibilidad: {status}</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Not saved: {message}</source>
        <translation>No se guardó: {message}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft saved at {now:%I:%M:%S %p}.</source>
        <translation>Borrador guardado a las {now:%I:%M:%S %p}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ Not saved: {problem}, and your text could not be kept on this computer either. Keep this window open: it will be saved when the database answers.</source>
        <translation>⚠ No se guardó: {problem}, y tampoco se pudo conservar su texto en esta computadora. No cierre esta ventana: se guardará cuando la base de datos responda.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ Not saved: {problem}. Your text is kept on this computer and will be saved when the database accepts it.</source>
        <translation>⚠ No se guardó: {problem}. Su texto se conserva en esta computadora y se guardará cuando la base de datos lo acepte.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The district has already decided on a resource like this:</source>
        <translation>El distrito ya tomó una decisión sobre un recurso como este:</translation>
    </message>
    <message>
        <location line="-659"/>
        <source>no link</source>
        <translation>sin enlace</translation>
    </message>
    <message>
        <location line="+664"/>
        <source>✗ NOT APPROVED on {date}: {name}. Reason: {reason}</source>
        <translation>✗ NO APROBADO el {date}: {name}. Motivo: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Someone else got there first</source>
        <translation>Otra persona se adelantó</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not submitted yet: {errors} field(s) need attention (marked ⚠).</source>
        <translation>Todavía no se envió: hay {errors} campo(s) que revisar (marcados con ⚠).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status: {label}. The reviewer has been sent your request.</source>
        <translation>Estado: {label}. Su solicitud se envió al revisor.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not resubmitted: {errors}</source>
        <translation>No se volvió a enviar: {errors}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Withdraw this request? The reviewer will not decide it.</source>
        <translation>¿Retirar esta solicitud? El revisor no tomará una decisión sobre ella.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Approve without a compliant contract?</source>
        <translation>¿Aprobar sin un contrato que cumpla con la ley?</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>They are kept on this computer and will be offered again when you next start techapproval.</source>
        <translation>Se conservan en esta computadora y se le ofrecerán de nuevo la próxima vez que abra techapproval.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They could not be kept on this computer either: closing loses them.</source>
        <translation>Tampoco se pudieron conservar en esta computadora: si cierra, se pierden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not in the database yet</source>
        <translation>Todavía no está en la base de datos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your last changes could not be saved (see the messages by the fields). Close anyway and lose them?</source>
        <translation>No se pudieron guardar sus últimos cambios (vea los mensajes junto a los campos). ¿Cerrar de todos modos y perderlos?</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/setup.py" line="+17"/>
        <source>Set up techapproval</source>
        <translation>Configurar techapproval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome. This database is new. Enter your district as it appears on the form (“___ PUBLIC SCHOOLS, ___, Connecticut”) and create the first administrator account. The administrator then adds teachers and reviewers.</source>
        <translation>Bienvenido. Esta base de datos es nueva. Escriba su distrito tal como aparece en el formulario («___ PUBLIC SCHOOLS, ___, Connecticut») y cree la primera cuenta de administrador. Después, el administrador agrega a los maestros y revisores.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;District name:</source>
        <translation>Nombre del &amp;distrito:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Town:</source>
        <translation>&amp;Localidad:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approver title:</source>
        <translation>Cargo del &amp;aprobador:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;position:</source>
        <translation>Su &amp;cargo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;email:</source>
        <translation>Su correo &amp;electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Riverside</source>
        <translation>p. ej. Riverside</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least 10 characters</source>
        <translation>al menos 10 caracteres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finish setup</source>
        <translation>&amp;Terminar la configuración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finish setup</source>
        <translation>Terminar la configuración</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../techapproval/gui/dialogs/sign_in.py" line="+19"/>
        <source>Sign in — techapproval</source>
        <translation>Iniciar sesión — techapproval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{district}
Sign in with your school email address.</source>
        <translation>{district}
Inicie sesión con su correo electrónico escolar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../techapproval/gui/models/tables.py" line="+248"/>
        <source>App needs permission? {answer}</source>
        <translation>¿La aplicación necesita permiso? {answer}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+13"/>
        <location filename="../../techapproval/gui/pages/contracts.py" line="-276"/>
        <location filename="../../techapproval/gui/pages/exceptions.py" line="-390"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <location line="+24"/>
        <location filename="../../techapproval/gui/pages/exceptions.py" line="+1"/>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+13"/>
        <location line="+25"/>
        <source>Grades</source>
        <translation>Grados</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+11"/>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Days waiting</source>
        <translation>Días de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Permission</source>
        <translation>Permiso</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>(no name yet)</source>
        <translation>(aún sin nombre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↻ Renewal: {name}</source>
        <translation>↻ Renovación: {name}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parental permission</source>
        <translation>Permiso de los padres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract status</source>
        <translation>Estado del contrato</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✔ Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✖ Ended {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>— (approval ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ {day} (overdue)</source>
        <translation>⚠ {day} (vencida)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Renewal due</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../techapproval/gui/pages/contracts.py" line="-6"/>
        <location filename="../../techapproval/gui/pages/deletions.py" line="-241"/>
        <location filename="../../techapproval/gui/pages/incidents.py" line="-199"/>
        <source>Contractor</source>
        <translation>Contratista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executed</source>
        <translation>Formalizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Covers</source>
        <translation>Cubre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../techapproval/gui/pages/deadlines.py" line="-129"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligation</source>
        <translation>Obligación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <location filename="../../techapproval/gui/pages/deletions.py" line="-1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested by</source>
        <translation>Pedido por</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../techapproval/gui/pages/exceptions.py" line="+2"/>
        <source>Case reference</source>
        <translation>Referencia del caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested</source>
        <translation>Pedida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day in effect</source>
        <translation>Último día de vigencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deletion</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <location filename="../../techapproval/gui/pages/exceptions.py" line="-1"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resource status</source>
        <translation>Estado del recurso</translation>
    </message>
    <message>
        <location filename="../../techapproval/gui/pages/incidents.py" line="+1"/>
        <source>Discovered</source>
        <translation>Descubierto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Involves</source>
        <translation>Afecta a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contractor notice</source>
        <translation>Aviso del contratista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family notice</source>
        <translation>Aviso a las familias</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overall</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../techapproval/gui/widgets/permissions.py" line="-203"/>
        <source>Class or case</source>
        <translation>Clase o caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>Esperados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted</source>
        <translation>Otorgados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Rechazados</translation>
    </message>
</context>
<context>
    <name>Website</name>
    <message>
        <location filename="../../techapproval/gui/website.py" line="+26"/>
        <source>Export the contracts website to a folder</source>
        <translation>Exportar el sitio web de contratos a una carpeta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting the contracts website</source>
        <translation>Exportando el sitio web de contratos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the contracts website to {folder}…</source>
        <translation>Escribiendo el sitio web de contratos en {folder}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Website export stopped</source>
        <translation>Se detuvo la exportación del sitio web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export was stopped. The pages in {outdir} are as they were; nothing was recorded.</source>
        <translation>Se detuvo la exportación. Las páginas de {outdir} están como estaban; no se registró nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The website was not exported</source>
        <translation>No se exportó el sitio web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The website could not be written to {outdir}: {value}. Nothing was recorded.</source>
        <translation>No se pudo escribir el sitio web en {outdir}: {value}. No se registró nada.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>Website exported</source>
        <translation>Sitio web exportado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{summary}

These contracts have no website-notice date yet:
{names}

Will you publish this export today? If so, record {value} as the date their notice was posted.</source>
        <translation>{summary}

Estos contratos todavía no tienen fecha de aviso en el sitio web:
{names}

¿Publicará hoy esta exportación? Si es así, registre {value} como la fecha en que se publicó su aviso.</translation>
    </message>
</context>
</TS>
