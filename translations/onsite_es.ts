<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AcceptedFiles</name>
    <message>
        <source>a program</source>
        <translation>un programa</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>texto sin formato</translation>
    </message>
    <message>
        <source>an unknown binary format</source>
        <translation>un formato binario desconocido</translation>
    </message>
    <message>
        <source>Accepted files (%1)</source>
        <translation>Archivos aceptados (%1)</translation>
    </message>
    <message>
        <source>The file has no usable name.</source>
        <translation>El archivo no tiene un nombre utilizable.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no extension; accepted formats are: %2.</source>
        <translation>«%1» no tiene extensión; los formatos aceptados son: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: .%2 files are not accepted; accepted formats are: %3.</source>
        <translation>«%1»: no se aceptan archivos .%2; los formatos aceptados son: %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is named .%2 but its content is %3; it was not uploaded.</source>
        <translation>«%1» se llama .%2 pero su contenido es %3; no se subió.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>«%1» está vacío.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 MB; the server accepts files up to %3 MB.</source>
        <translation>«%1» ocupa %2 MB; el servidor acepta archivos de hasta %3 MB.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder; add the files inside it instead.</source>
        <translation>«%1» es una carpeta; añada los archivos que contiene.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read.</source>
        <translation>No se puede leer «%1».</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>&amp;Dismiss refused change</source>
        <translation>&amp;Descartar el cambio rechazado</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>AssignmentRecord</name>
    <message>
        <source>Assignment record #%1: %2</source>
        <translation>Registro de la asignación n.º %1: %2</translation>
    </message>
    <message>
        <source>Client company</source>
        <translation>Empresa cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Site time zone</source>
        <translation>Zona horaria del lugar</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <source>due by %1; confirmed %2</source>
        <translation>plazo hasta %1; confirmada %2</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>flat %1</source>
        <translation>tarifa fija de %1</translation>
    </message>
    <message>
        <source>%1 per hour, up to %2 h</source>
        <translation>%1 por hora, hasta %2 h</translation>
    </message>
    <message>
        <source>Pay as recorded</source>
        <translation>Pago según lo registrado</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tiempo en el lugar</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminada</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editada</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>en el lugar</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>desktop</source>
        <translation>escritorio</translation>
    </message>
    <message>
        <source>earlier version, replaced %1</source>
        <translation>versión anterior, sustituida %1</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Earlier versions of edited visits could not be fetched (offline); the server keeps them.</source>
        <translation>No se pudieron obtener las versiones anteriores de las visitas editadas (sin conexión); el servidor las conserva.</translation>
    </message>
    <message>
        <source>Extra funds requests</source>
        <translation>Solicitudes de fondos extra</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>Entregables</translation>
    </message>
    <message>
        <source>uploaded %1</source>
        <translation>subido %1</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>Ningún archivo.</translation>
    </message>
    <message>
        <source>Close-out notes</source>
        <translation>Notas de cierre</translation>
    </message>
    <message>
        <source>Printed %1 UTC from the Onsite app; revision %2 of the document.</source>
        <translation>Impreso el %1 UTC desde la aplicación Onsite; revisión %2 del documento.</translation>
    </message>
    <message>
        <source>Running late, arriving %1</source>
        <translation>Llega tarde, llegada %1</translation>
    </message>
    <message>
        <source>Running late and problems</source>
        <translation>Retrasos y problemas</translation>
    </message>
    <message>
        <source>Told</source>
        <translation>Avisado</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Trabajador</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Archivos: %1</translation>
    </message>
</context>
<context>
    <name>EtaDialog</name>
    <message>
        <source>Running late</source>
        <translation>Llego tarde</translation>
    </message>
    <message>
        <source>Arrival time at the site</source>
        <translation>Hora de llegada al lugar</translation>
    </message>
    <message>
        <source>&amp;Why (the client company reads this)</source>
        <translation>&amp;Motivo (la empresa cliente lo leerá)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>FieldReports</name>
    <message>
        <source>This assignment is %1: there is nothing to be late for.</source>
        <translation>Esta asignación está %1: no hay nada a lo que llegar tarde.</translation>
    </message>
    <message>
        <source>This assignment has no scheduled start to be late for.</source>
        <translation>Esta asignación no tiene un inicio programado al que llegar tarde.</translation>
    </message>
    <message>
        <source>You have checked in already.</source>
        <translation>Ya ha registrado la entrada.</translation>
    </message>
    <message>
        <source>The check-in window closed at %1. If you cannot make it, report a problem.</source>
        <translation>El intervalo de entrada se cerró a las %1. Si no puede ir, informe de un problema.</translation>
    </message>
    <message>
        <source>Say when you expect to arrive.</source>
        <translation>Indique cuándo espera llegar.</translation>
    </message>
    <message>
        <source>%1 has already passed.</source>
        <translation>%1 ya ha pasado.</translation>
    </message>
    <message>
        <source>%1 is after the scheduled end (%2). If you cannot make it, report a problem.</source>
        <translation>%1 es posterior al fin programado (%2). Si no puede ir, informe de un problema.</translation>
    </message>
    <message>
        <source>ETA %1 reported</source>
        <translation>Llegada prevista %1 avisada</translation>
    </message>
    <message>
        <source>Can&apos;t access the site</source>
        <translation>No se puede acceder al lugar</translation>
    </message>
    <message>
        <source>Parts or materials missing</source>
        <translation>Faltan piezas o materiales</translation>
    </message>
    <message>
        <source>The work differs from the order</source>
        <translation>El trabajo no coincide con la orden</translation>
    </message>
    <message>
        <source>Can&apos;t make it</source>
        <translation>No puedo ir</translation>
    </message>
    <message>
        <source>Other problem</source>
        <translation>Otro problema</translation>
    </message>
</context>
<context>
    <name>FundsRequestDialog</name>
    <message>
        <source>Request extra funds</source>
        <translation>Solicitar fondos extra</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation>Tipo de solicitud</translation>
    </message>
    <message>
        <source>Extra &amp;hours</source>
        <translation>&amp;Horas extra</translation>
    </message>
    <message>
        <source>Extra hours</source>
        <translation>Horas extra</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Importe</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>What the money is for; the client company reads this.</source>
        <translation>Para qué es el dinero; la empresa cliente lo leerá.</translation>
    </message>
    <message>
        <source>No file (optional)</source>
        <translation>Ningún archivo (opcional)</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Elegir &amp;archivo…</translation>
    </message>
    <message>
        <source>Choose a receipt file</source>
        <translation>Elija el archivo del recibo</translation>
    </message>
    <message>
        <source>Recei&amp;pt</source>
        <translation>&amp;Recibo</translation>
    </message>
</context>
<context>
    <name>ICalendar</name>
    <message>
        <source>%1 for %2. Status: %3.</source>
        <translation>%1 para %2. Estado: %3.</translation>
    </message>
    <message>
        <source>Arrive any time in this window.</source>
        <translation>Llegue en cualquier momento de este intervalo.</translation>
    </message>
</context>
<context>
    <name>MessageThread</name>
    <message>
        <source>1 new message</source>
        <translation>1 mensaje nuevo</translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation>%1 mensajes nuevos</translation>
    </message>
    <message>
        <source>✉ %1 new</source>
        <translation>✉ %1 sin leer</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Enter an amount, like %1.</source>
        <translation>Escriba un importe, por ejemplo %1.</translation>
    </message>
    <message>
        <source>The amount must be more than zero: no negative amounts.</source>
        <translation>El importe debe ser mayor que cero: no se admiten importes negativos.</translation>
    </message>
    <message>
        <source>This assignment is paid in %1: enter the amount in %1, like %2.</source>
        <translation>Esta asignación se paga en %1: escriba el importe en %1, por ejemplo %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number. Enter the amount in digits, like %2.</source>
        <translation>«%1» no es un número. Escriba el importe en cifras, por ejemplo %2.</translation>
    </message>
    <message>
        <source>Check the thousands separators in &quot;%1&quot;: write it like %2.</source>
        <translation>Revise los separadores de miles en «%1»: escríbalo como %2.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimals: enter a whole amount, like %2.</source>
        <translation>Los importes en %1 no llevan decimales: escriba un importe entero, por ejemplo %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 amounts have at most %n decimal(s), like %2.</source>
        <translation>
            <numerusform>Los importes en %1 tienen como máximo %n decimal, por ejemplo %2.</numerusform>
            <numerusform>Los importes en %1 tienen como máximo %n decimales, por ejemplo %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>That amount is too large.</source>
        <translation>Ese importe es demasiado grande.</translation>
    </message>
</context>
<context>
    <name>NotSentMarker</name>
    <message>
        <source>Not sent yet</source>
        <translation>Aún no enviado</translation>
    </message>
    <message>
        <source>Not sent yet: this change is saved on this computer and goes to the server at the next sync. See File &gt; Activity.</source>
        <translation>Aún no enviado: este cambio está guardado en este equipo y llegará al servidor en la próxima sincronización. Vea Archivo &gt; Actividad.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>%1 approved your %2 request for %3.</source>
        <translation>%1 aprobó su solicitud de %2 por %3.</translation>
    </message>
    <message>
        <source>%1 declined your %2 request for %3.</source>
        <translation>%1 rechazó su solicitud de %2 por %3.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Request approved: %1</source>
        <translation>Solicitud aprobada: %1</translation>
    </message>
    <message>
        <source>Request declined: %1</source>
        <translation>Solicitud rechazada: %1</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Aprobada: %1</translation>
    </message>
    <message>
        <source>%1 approved the work; payment follows.</source>
        <translation>%1 aprobó el trabajo; el pago llegará después.</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Pagada: %1</translation>
    </message>
    <message>
        <source>%1 marked the assignment paid.</source>
        <translation>%1 marcó la asignación como pagada.</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Cancelada: %1</translation>
    </message>
    <message>
        <source>%1 cancelled the assignment.</source>
        <translation>%1 canceló la asignación.</translation>
    </message>
    <message>
        <source>%1 flat</source>
        <translation>%1 tarifa fija</translation>
    </message>
    <message numerus="yes">
        <source>%1 per hour, up to %n hours</source>
        <translation>
            <numerusform>%1 por hora, hasta %n hora</numerusform>
            <numerusform>%1 por hora, hasta %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>The schedule moved from %1 to %2.</source>
        <translation>El horario pasó de %1 a %2.</translation>
    </message>
    <message>
        <source>The work now ends at %1 instead of %2.</source>
        <translation>El trabajo ahora termina a las %1 en lugar de %2.</translation>
    </message>
    <message>
        <source>The pay changed from %1 to %2.</source>
        <translation>El pago cambió de %1 a %2.</translation>
    </message>
    <message numerus="yes">
        <source>New task: %1.</source>
        <translation>
            <numerusform>Nueva tarea: %1.</numerusform>
            <numerusform>Nuevas tareas: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n to upload)</source>
        <translation>
            <numerusform>%1 (%n por subir)</numerusform>
            <numerusform>%1 (%n por subir)</numerusform>
        </translation>
    </message>
    <message>
        <source>Also required: %1.</source>
        <translation>También se requiere: %1.</translation>
    </message>
    <message>
        <source>Changed by %1: #%2 %3</source>
        <translation>Cambiado por %1: #%2 %3</translation>
    </message>
    <message>
        <source>%1 cancelled the assignment: %2</source>
        <translation>%1 canceló la asignación: %2</translation>
    </message>
    <message>
        <source>Message from %1 about %2</source>
        <translation>Mensaje de %1 sobre %2</translation>
    </message>
    <message>
        <source>%1 (%2 new messages in all)</source>
        <translation>%1 (%2 mensajes nuevos en total)</translation>
    </message>
</context>
<context>
    <name>OperationApplier</name>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation>Campo desconocido «%1».</translation>
    </message>
    <message>
        <source>This assignment is %1 and can no longer be changed.</source>
        <translation>Esta asignación está %1 y ya no se puede modificar.</translation>
    </message>
    <message>
        <source>Unknown operation &quot;%1&quot;.</source>
        <translation>Operación desconocida «%1».</translation>
    </message>
    <message>
        <source>schedule.confirm takes no fields.</source>
        <translation>schedule.confirm no admite campos.</translation>
    </message>
    <message>
        <source>This assignment does not ask for a confirmation.</source>
        <translation>Esta asignación no pide confirmación.</translation>
    </message>
    <message>
        <source>The note is longer than 2000 characters.</source>
        <translation>La nota tiene más de 2000 caracteres.</translation>
    </message>
    <message>
        <source>Check-out (%1) is before check-in (%2).</source>
        <translation>La salida (%1) es anterior a la entrada (%2).</translation>
    </message>
    <message>
        <source>%1 is in the future.</source>
        <translation>%1 está en el futuro.</translation>
    </message>
    <message>
        <source>The check-in time</source>
        <translation>La hora de entrada</translation>
    </message>
    <message>
        <source>The check-out time</source>
        <translation>La hora de salida</translation>
    </message>
    <message>
        <source>This visit was deleted and cannot be changed.</source>
        <translation>Esta visita se eliminó y no se puede modificar.</translation>
    </message>
    <message>
        <source>You are still checked in since %1; check out first.</source>
        <translation>Sigue con la entrada registrada desde %1; registre antes la salida.</translation>
    </message>
    <message>
        <source>This visit overlaps the visit from %1 to %2.</source>
        <translation>Esta visita se solapa con la visita de %1 a %2.</translation>
    </message>
    <message>
        <source>time_log.delete takes the id of the visit.</source>
        <translation>time_log.delete necesita el id de la visita.</translation>
    </message>
    <message>
        <source>That visit does not exist.</source>
        <translation>Esa visita no existe.</translation>
    </message>
    <message>
        <source>deliverable.remove takes the id of the file.</source>
        <translation>deliverable.remove necesita el id del archivo.</translation>
    </message>
    <message>
        <source>That file is not among the deliverables.</source>
        <translation>Ese archivo no está entre los entregables.</translation>
    </message>
    <message>
        <source>The request or receipt id is too long.</source>
        <translation>El id de la solicitud o del recibo es demasiado largo.</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>El motivo tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Only an expense reimbursement takes a receipt.</source>
        <translation>Solo un reembolso de gastos lleva recibo.</translation>
    </message>
    <message>
        <source>Extra funds can be requested once the work is in progress (after the first check-in).</source>
        <translation>Se pueden solicitar fondos extra una vez que el trabajo está en curso (tras la primera entrada).</translation>
    </message>
    <message>
        <source>For hourly work, ask for at least one extra hour.</source>
        <translation>En un trabajo por horas, solicite al menos una hora extra.</translation>
    </message>
    <message>
        <source>The amount must be the extra hours times the rate, %1.</source>
        <translation>El importe debe ser las horas extra por la tarifa, %1.</translation>
    </message>
    <message>
        <source>Only a budget increase for hourly work takes extra hours.</source>
        <translation>Solo un aumento de presupuesto para un trabajo por horas lleva horas extra.</translation>
    </message>
    <message>
        <source>A request with this id already exists.</source>
        <translation>Ya existe una solicitud con este id.</translation>
    </message>
    <message>
        <source>funds_request.withdraw takes the id of the request.</source>
        <translation>funds_request.withdraw necesita el id de la solicitud.</translation>
    </message>
    <message>
        <source>This request was already %1.</source>
        <translation>Esta solicitud ya está %1.</translation>
    </message>
    <message>
        <source>That request does not exist.</source>
        <translation>Esa solicitud no existe.</translation>
    </message>
    <message>
        <source>That task does not exist.</source>
        <translation>Esa tarea no existe.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is answered with yes or no.</source>
        <translation>«%1» se responde con sí o no.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a written answer.</source>
        <translation>«%1» necesita una respuesta escrita.</translation>
    </message>
    <message>
        <source>The answer is longer than %1 characters.</source>
        <translation>La respuesta tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a number.</source>
        <translation>«%1» necesita un número.</translation>
    </message>
    <message>
        <source>resolution: expected a string</source>
        <translation>resolution: se esperaba un texto</translation>
    </message>
    <message>
        <source>The close-out notes are longer than %1 characters.</source>
        <translation>Las notas de cierre tienen más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Not ready to submit; still to do: %1.</source>
        <translation>Aún no se puede enviar; falta: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than %2 characters.</source>
        <translation>«%1» tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>phone.check_in takes id and at.</source>
        <translation>phone.check_in requiere id y at.</translation>
    </message>
    <message>
        <source>This visit is already recorded.</source>
        <translation>Esta visita ya está registrada.</translation>
    </message>
    <message>
        <source>phone.check_out takes at.</source>
        <translation>phone.check_out requiere at.</translation>
    </message>
    <message>
        <source>You are not checked in to this assignment.</source>
        <translation>No tiene la entrada registrada en esta asignación.</translation>
    </message>
    <message>
        <source>Say why you will be late.</source>
        <translation>Indique por qué llegará tarde.</translation>
    </message>
    <message>
        <source>Describe the problem.</source>
        <translation>Describa el problema.</translation>
    </message>
    <message>
        <source>A problem with this id was reported already.</source>
        <translation>Ya se informó de un problema con este identificador.</translation>
    </message>
    <message>
        <source>Write the message first.</source>
        <translation>Escriba primero el mensaje.</translation>
    </message>
    <message>
        <source>A message with this id was posted already.</source>
        <translation>Ya se publicó un mensaje con este identificador.</translation>
    </message>
    <message>
        <source>message.read takes the id of the last message read.</source>
        <translation>message.read recibe el identificador del último mensaje leído.</translation>
    </message>
    <message>
        <source>That message does not exist.</source>
        <translation>Ese mensaje no existe.</translation>
    </message>
</context>
<context>
    <name>OperationDescription</name>
    <message>
        <source>Recorded a visit %1–%2</source>
        <translation>Registró una visita %1–%2</translation>
    </message>
    <message>
        <source>Checked in %1</source>
        <translation>Registró la entrada %1</translation>
    </message>
    <message>
        <source>Changed check-in to %1</source>
        <translation>Cambió la entrada a %1</translation>
    </message>
    <message>
        <source>Checked out %1</source>
        <translation>Registró la salida %1</translation>
    </message>
    <message>
        <source>Changed check-out to %1</source>
        <translation>Cambió la salida a %1</translation>
    </message>
    <message>
        <source>Removed the check-out</source>
        <translation>Quitó la salida</translation>
    </message>
    <message>
        <source>Removed the note</source>
        <translation>Quitó la nota</translation>
    </message>
    <message>
        <source>Changed the note</source>
        <translation>Cambió la nota</translation>
    </message>
    <message>
        <source>Saved the visit of %1 unchanged</source>
        <translation>Guardó la visita del %1 sin cambios</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Deleted the visit of %1</source>
        <translation>Eliminó la visita del %1</translation>
    </message>
    <message>
        <source>Deleted a visit</source>
        <translation>Eliminó una visita</translation>
    </message>
    <message>
        <source>Confirmed the schedule</source>
        <translation>Confirmó el horario</translation>
    </message>
    <message>
        <source>Requested %1 expense</source>
        <translation>Solicitó un reembolso de gastos de %1</translation>
    </message>
    <message>
        <source>Requested %1 bonus</source>
        <translation>Solicitó una bonificación de %1</translation>
    </message>
    <message>
        <source>Requested %1 budget increase</source>
        <translation>Solicitó un aumento de presupuesto de %1</translation>
    </message>
    <message>
        <source>Withdrew the request for %1</source>
        <translation>Retiró la solicitud de %1</translation>
    </message>
    <message>
        <source>Withdrew a funds request</source>
        <translation>Retiró una solicitud de fondos</translation>
    </message>
    <message>
        <source>Answered &quot;%1&quot;</source>
        <translation>Respondió «%1»</translation>
    </message>
    <message>
        <source>Answered a task</source>
        <translation>Respondió una tarea</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Quitó %1</translation>
    </message>
    <message>
        <source>Removed a file</source>
        <translation>Quitó un archivo</translation>
    </message>
    <message>
        <source>Submitted for approval</source>
        <translation>Envió para aprobación</translation>
    </message>
    <message>
        <source>Checking %1 before upload</source>
        <translation>Comprobando %1 antes de subirlo</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 %)</source>
        <translation>Subiendo %1 (%2 %)</translation>
    </message>
    <message>
        <source>Waiting to upload %1</source>
        <translation>Esperando para subir %1</translation>
    </message>
    <message>
        <source>Upload of %1 stopped</source>
        <translation>Subida de %1 detenida</translation>
    </message>
    <message>
        <source>Upload of %1 waiting: the file changed</source>
        <translation>Subida de %1 en espera: el archivo cambió</translation>
    </message>
    <message>
        <source>Uploaded %1</source>
        <translation>Subió %1</translation>
    </message>
    <message>
        <source>Reported running late, arriving %1</source>
        <translation>Avisó de retraso, llegada %1</translation>
    </message>
    <message>
        <source>Reported running late</source>
        <translation>Avisó de retraso</translation>
    </message>
    <message>
        <source>Reported a problem: %1</source>
        <translation>Informó de un problema: %1</translation>
    </message>
    <message>
        <source>Reported a problem</source>
        <translation>Informó de un problema</translation>
    </message>
    <message>
        <source>Wrote to %1: &quot;%2&quot;</source>
        <translation>Escribió a %1: «%2»</translation>
    </message>
    <message>
        <source>the client company</source>
        <translation>la empresa cliente</translation>
    </message>
    <message>
        <source>Read the messages</source>
        <translation>Leyó los mensajes</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <source>Report a problem</source>
        <translation>Informar de un problema</translation>
    </message>
    <message>
        <source>&amp;Kind of problem</source>
        <translation>&amp;Tipo de problema</translation>
    </message>
    <message>
        <source>Kind of problem</source>
        <translation>Tipo de problema</translation>
    </message>
    <message>
        <source>&amp;What happened (the client company reads this)</source>
        <translation>&amp;Qué ocurrió (la empresa cliente lo leerá)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Not Confirmed</source>
        <translation>Sin confirmar</translation>
    </message>
    <message>
        <source>Worker Late</source>
        <translation>Trabajador con retraso</translation>
    </message>
    <message>
        <source>Deliverables Late</source>
        <translation>Entregables con retraso</translation>
    </message>
    <message>
        <source>Confirm schedule</source>
        <translation>Confirmar horario</translation>
    </message>
    <message>
        <source>Check in and check out</source>
        <translation>Registrar entrada y salida</translation>
    </message>
    <message>
        <source>Upload deliverables</source>
        <translation>Subir entregables</translation>
    </message>
    <message>
        <source>Close-out notes</source>
        <translation>Notas de cierre</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>En espera de aprobación</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>En espera de pago</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar entrada</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Enviar para aprobación</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignada</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Budget increase</source>
        <translation>Aumento de presupuesto</translation>
    </message>
    <message>
        <source>Expense reimbursement</source>
        <translation>Reembolso de gastos</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonificación</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>%1 does not accept budget increases (counteroffers are turned off); the assignment pays as offered. Expenses and bonuses can still be requested.</source>
        <translation>%1 no acepta aumentos de presupuesto (las contraofertas están desactivadas); la asignación se paga según lo ofrecido. Aún se pueden solicitar gastos y bonificaciones.</translation>
    </message>
    <message>
        <source>This client</source>
        <translation>Este cliente</translation>
    </message>
    <message>
        <source>Your %1 request for %2 is still pending: if you submit now, the assignment is approved at the original price and the request is not paid.</source>
        <translation>Su solicitud de %1 por %2 sigue pendiente: si envía ahora, la asignación se aprueba al precio original y la solicitud no se paga.</translation>
    </message>
    <message>
        <source>You logged %1 h %2 min past the budget of %3 h; that time is not paid unless a budget increase is approved before you submit.</source>
        <translation>Registró %1 h %2 min por encima del presupuesto de %3 h; ese tiempo no se paga salvo que se apruebe un aumento de presupuesto antes de enviar.</translation>
    </message>
    <message>
        <source>This client requires checking in and out by phone: call %1.</source>
        <translation>Este cliente exige registrar la entrada y la salida por teléfono: llame al %1.</translation>
    </message>
    <message>
        <source>This assignment is %1: no more visits can be recorded.</source>
        <translation>Esta asignación está %1: no se pueden registrar más visitas.</translation>
    </message>
    <message>
        <source>You are still checked in since %1; check out first.</source>
        <translation>Sigue con la entrada registrada desde %1; registre primero la salida.</translation>
    </message>
    <message>
        <source>Everything on the checklist is done: submit it for approval.</source>
        <translation>Todo lo de la lista de control está hecho: envíela para aprobación.</translation>
    </message>
    <message>
        <source>You are not checked in to this assignment.</source>
        <translation>No tiene la entrada registrada en esta asignación.</translation>
    </message>
    <message>
        <source>%1 to %2 (site time)</source>
        <translation>de %1 a %2 (hora del lugar)</translation>
    </message>
    <message>
        <source>The check-in window is %1: it opens %2.</source>
        <translation>El periodo de entrada es %1: se abre %2.</translation>
    </message>
    <message>
        <source>The check-in window was %1: it closed %2.</source>
        <translation>El periodo de entrada era %1: se cerró %2.</translation>
    </message>
</context>
<context>
    <name>ScorecardDialog</name>
    <message>
        <source>Scorecard and earnings</source>
        <translation>Puntuación e ingresos</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Puntualidad</translation>
    </message>
    <message>
        <source>Deliverables on time</source>
        <translation>Entregables a tiempo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completadas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Canceladas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Earnings&lt;/b&gt; — from this computer&apos;s copy of your assignments, by month</source>
        <translation>&lt;b&gt;Ingresos&lt;/b&gt; — según la copia de sus asignaciones en este equipo, por mes</translation>
    </message>
    <message>
        <source>Earnings by month</source>
        <translation>Ingresos por mes</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation>Sincronizar &amp;cada</translation>
    </message>
    <message>
        <source>Minutes between syncs</source>
        <translation>Minutos entre sincronizaciones</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Notificaciones de escritorio</translation>
    </message>
    <message>
        <source>&amp;Late labels appearing (Not Confirmed, Worker Late, Deliverables Late)</source>
        <translation>&amp;Etiquetas de retraso que aparecen (Sin confirmar, Trabajador con retraso, Entregables con retraso)</translation>
    </message>
    <message>
        <source>&amp;Decisions on extra funds requests</source>
        <translation>&amp;Decisiones sobre solicitudes de fondos extra</translation>
    </message>
    <message>
        <source>&amp;Approvals, payments and cancellations</source>
        <translation>&amp;Aprobaciones, pagos y cancelaciones</translation>
    </message>
    <message>
        <source>Data on this computer</source>
        <translation>Datos en este equipo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Archivo de registro</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>A&amp;brir carpeta</translation>
    </message>
    <message>
        <source>Language and appearance</source>
        <translation>Idioma y aspecto</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>As&amp;pecto</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aspecto</translation>
    </message>
    <message>
        <source>&amp;Reminders: a schedule to confirm or files due within two hours, a check-in window opening</source>
        <translation>&amp;Recordatorios: un horario que confirmar o archivos que vencen en menos de dos horas, un intervalo de entrada que se abre</translation>
    </message>
    <message>
        <source>Still checked in &amp;30 minutes after the scheduled end: a reminder to check out</source>
        <translation>Sigue registrado &amp;30 minutos después del fin programado: un recordatorio para registrar la salida</translation>
    </message>
    <message>
        <source>C&amp;hanges the client company makes to work still to do (schedule, pay, tasks, files)</source>
        <translation>Ca&amp;mbios que la empresa cliente hace en trabajos pendientes (horario, pago, tareas, archivos)</translation>
    </message>
    <message>
        <source>&amp;Messages from the client company</source>
        <translation>Me&amp;nsajes de la empresa cliente</translation>
    </message>
    <message>
        <source>Keep client documents offline up &amp;to</source>
        <translation>Guardar documentos del cliente sin conexión &amp;hasta</translation>
    </message>
    <message>
        <source>Disk space for documents kept offline</source>
        <translation>Espacio en disco para los documentos guardados sin conexión</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Onsite</source>
        <translation>Iniciar sesión en Onsite</translation>
    </message>
    <message>
        <source>Sign in with the account your client companies know you by.</source>
        <translation>Inicie sesión con la cuenta con la que le conocen sus empresas cliente.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
</context>
<context>
    <name>SiteTime</name>
    <message>
        <source>%1 (%2 your time)</source>
        <translation>%1 (%2 su hora)</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>hace %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dentro de %1</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <source>Submit for approval</source>
        <translation>Enviar para aprobación</translation>
    </message>
    <message>
        <source>&amp;Close-out notes (what was done, anything the client should know)</source>
        <translation>&amp;Notas de cierre (qué se hizo, todo lo que el cliente deba saber)</translation>
    </message>
    <message>
        <source>Close-out notes</source>
        <translation>Notas de cierre</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Hecha</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
</context>
<context>
    <name>TimeOnSite</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>on site for %1</source>
        <translation>en el lugar desde hace %1</translation>
    </message>
</context>
<context>
    <name>Timesheet</name>
    <message>
        <source>Timesheet</source>
        <translation>Hoja de horas</translation>
    </message>
    <message>
        <source>%1 — %2 to %3</source>
        <translation>%1 — del %2 al %3</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Asignación</translation>
    </message>
    <message>
        <source>Check-in (site time)</source>
        <translation>Entrada (hora del lugar)</translation>
    </message>
    <message>
        <source>Check-out (site time)</source>
        <translation>Salida (hora del lugar)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>en el lugar</translation>
    </message>
    <message>
        <source>, edited</source>
        <translation>, editada</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message numerus="yes">
        <source>All visits (%n)</source>
        <translation>
            <numerusform>Todas las visitas (%n)</numerusform>
            <numerusform>Todas las visitas (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimesheetDialog</name>
    <message>
        <source>Export timesheet</source>
        <translation>Exportar hoja de horas</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Formato de archivo</translation>
    </message>
</context>
<context>
    <name>UploadFilesDialog</name>
    <message>
        <source>Upload files</source>
        <translation>Subir archivos</translation>
    </message>
    <message>
        <source>Say what each file is and which requirement it fulfils. Files are checked before anything is sent.</source>
        <translation>Indique qué es cada archivo y qué requisito cumple. Los archivos se comprueban antes de enviar nada.</translation>
    </message>
    <message>
        <source>Files to upload</source>
        <translation>Archivos para subir</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Requisito</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Onsite server to sign in to.</source>
        <translation>Servidor de Onsite en el que iniciar sesión.</translation>
    </message>
    <message>
        <source>Where the local cache lives.</source>
        <translation>Dónde se guarda la caché local.</translation>
    </message>
    <message>
        <source>Start the bundled server with demo data and sign in to it.</source>
        <translation>Iniciar el servidor incluido con datos de demostración e iniciar sesión en él.</translation>
    </message>
    <message>
        <source>Onsite: your assignments, checklists and time on site.</source>
        <translation>Onsite: sus asignaciones, listas de comprobación y tiempo en el lugar.</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Iniciando el servidor de demostración…</translation>
    </message>
    <message>
        <source>Demo server</source>
        <translation>Servidor de demostración</translation>
    </message>
</context>
<context>
    <name>onsite::ActivityDialog</name>
    <message>
        <source>Made</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Asignación</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Changes not yet accepted by the server</source>
        <translation>Cambios aún no aceptados por el servidor</translation>
    </message>
    <message>
        <source>Needs attention — refused by the server: %1</source>
        <translation>Requiere atención — rechazado por el servidor: %1</translation>
    </message>
    <message>
        <source>Waiting to send (failed attempts: %1; last: %2)</source>
        <translation>En espera de envío (intentos fallidos: %1; último: %2)</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <source>Every change you made has been accepted by the server.</source>
        <translation>El servidor ha aceptado todos sus cambios.</translation>
    </message>
    <message>
        <source>Stopped: %1 (retry it on the assignment&apos;s page)</source>
        <translation>Detenido: %1 (vuelva a intentarlo en la página de la asignación)</translation>
    </message>
    <message>
        <source>The file changed since it was added: choose what to send on the assignment&apos;s page</source>
        <translation>El archivo cambió desde que se añadió: elija qué enviar en la página de la asignación</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1 · Refused, needing attention: %2 · Files on their way: %3</source>
        <translation>Esperando envío: %1 · Rechazados, requieren atención: %2 · Archivos en camino: %3</translation>
    </message>
</context>
<context>
    <name>onsite::AppController</name>
    <message>
        <source>That assignment is no longer in your list.</source>
        <translation>Esa asignación ya no está en su lista.</translation>
    </message>
</context>
<context>
    <name>onsite::AppSession</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>A change was refused by the server: %1</source>
        <translation>El servidor rechazó un cambio: %1</translation>
    </message>
    <message>
        <source>Cannot open the local cache: %1</source>
        <translation>No se puede abrir la caché local: %1</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
</context>
<context>
    <name>onsite::AssignmentActions</name>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>Check in outside the window</source>
        <translation>Registrar la entrada fuera del periodo</translation>
    </message>
    <message>
        <source>%1

Check in to #%2 %3 now anyway?</source>
        <translation>%1

¿Registrar la entrada en #%2 %3 ahora de todos modos?</translation>
    </message>
    <message>
        <source>You are not checked in to this assignment.</source>
        <translation>No tiene la entrada registrada en esta asignación.</translation>
    </message>
    <message>
        <source>The request was not sent: %1</source>
        <translation>La solicitud no se envió: %1</translation>
    </message>
</context>
<context>
    <name>onsite::AssignmentDetails</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Arrive between</source>
        <translation>Llegada entre</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Check-in window</source>
        <translation>Intervalo de entrada</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Confirm by</source>
        <translation>Confirmar antes de</translation>
    </message>
    <message>
        <source> — confirmed %1</source>
        <translation> — confirmado %1</translation>
    </message>
    <message>
        <source> — not confirmed yet</source>
        <translation> — aún sin confirmar</translation>
    </message>
    <message>
        <source>Site time zone</source>
        <translation>Zona horaria del lugar</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Phone check-in required</source>
        <translation>Entrada por teléfono obligatoria</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Flat rate</source>
        <translation>Tarifa fija</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Por horas</translation>
    </message>
    <message numerus="yes">
        <source>%1 per hour, up to %n hours</source>
        <translation>
            <numerusform>%1 por hora, hasta %n hora</numerusform>
            <numerusform>%1 por hora, hasta %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>Hours logged</source>
        <translation>Horas registradas</translation>
    </message>
    <message>
        <source>Pay so far</source>
        <translation>Pago hasta ahora</translation>
    </message>
    <message>
        <source> (%1 more requested, pending)</source>
        <translation> (%1 más solicitados, pendiente)</translation>
    </message>
    <message>
        <source>Over budget</source>
        <translation>Por encima del presupuesto</translation>
    </message>
    <message>
        <source>%1 logged past the budget is not paid unless a budget increase of %2 for %3 h more is approved.</source>
        <translation>%1 registrados por encima del presupuesto no se pagan salvo que se apruebe un aumento de presupuesto de %2 por %3 h más.</translation>
    </message>
    <message>
        <source>Request it…</source>
        <translation>Solicitarlo…</translation>
    </message>
    <message>
        <source>Counteroffers</source>
        <translation>Contraofertas</translation>
    </message>
    <message>
        <source>Budget increases may be requested</source>
        <translation>Se pueden solicitar aumentos de presupuesto</translation>
    </message>
    <message>
        <source>This client does not accept budget increases</source>
        <translation>Este cliente no acepta aumentos de presupuesto</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>hecha: %1</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Close-out notes</source>
        <translation>Notas de cierre</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Cómo llegar</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <source>Site contact</source>
        <translation>Contacto en el lugar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Cancelled by %1</source>
        <translation>Cancelada por %1</translation>
    </message>
</context>
<context>
    <name>onsite::AssignmentPage</name>
    <message>
        <source>← Dashboard</source>
        <translation>← Panel</translation>
    </message>
    <message>
        <source>Back to the dashboard</source>
        <translation>Volver al panel</translation>
    </message>
    <message>
        <source>Export &amp;record (PDF)…</source>
        <translation>E&amp;xportar registro (PDF)…</translation>
    </message>
    <message>
        <source>Everything recorded for this assignment, to keep or to hand over</source>
        <translation>Todo lo registrado en esta asignación, para guardarlo o entregarlo</translation>
    </message>
    <message>
        <source>%1 · %2, %3 · %4</source>
        <translation>%1 · %2, %3 · %4</translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation>Subir archivos</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>This assignment is %1; it takes no more files.</source>
        <translation>Esta asignación está %1; no admite más archivos.</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 no es un archivo de este equipo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder; drop the files inside it instead.</source>
        <translation>«%1» es una carpeta; suelte en su lugar los archivos que contiene.</translation>
    </message>
    <message>
        <source>Extra funds can be requested while the assignment is in progress.</source>
        <translation>Se pueden solicitar fondos extra mientras la asignación está en curso.</translation>
    </message>
    <message>
        <source>Not ready to submit; still to do: %1.</source>
        <translation>Aún no se puede enviar; falta: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed since you last looked:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Cambios desde la última vez que miró:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>onsite::ChecklistSection</name>
    <message>
        <source>Su&amp;bmit for approval…</source>
        <translation>En&amp;viar para aprobación…</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Enviar para aprobación</translation>
    </message>
    <message>
        <source>Click an item to go where it is done</source>
        <translation>Pulse un elemento para ir a donde se completa</translation>
    </message>
    <message>
        <source>Assignment details</source>
        <translation>Detalles de la asignación</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de comprobación</translation>
    </message>
    <message>
        <source>&amp;Checklist — click an item to do it</source>
        <translation>Lista de &amp;comprobación — pulse un elemento para completarlo</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No hecho</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (optional) — %2</source>
        <translation>%1 (opcional) — %2</translation>
    </message>
    <message>
        <source>Before submitting: %1</source>
        <translation>Antes de enviar: %1</translation>
    </message>
    <message>
        <source>No program on this computer opens maps or web pages; the address is copied instead.</source>
        <translation>Ningún programa de este equipo abre mapas ni páginas web; en su lugar se copió la dirección.</translation>
    </message>
    <message>
        <source>No program on this computer places calls; the number is copied instead.</source>
        <translation>Ningún programa de este equipo hace llamadas; en su lugar se copió el número.</translation>
    </message>
    <message>
        <source>No mail program is set up on this computer; the address is copied instead.</source>
        <translation>No hay un programa de correo configurado en este equipo; en su lugar se copió la dirección.</translation>
    </message>
</context>
<context>
    <name>onsite::DashboardModel</name>
    <message>
        <source>Assignment</source>
        <translation>Asignación</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de comprobación</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>Site time zone: %1</source>
        <translation>Zona horaria del lugar: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>When the work starts, in the site&apos;s time zone</source>
        <translation>Cuándo empieza el trabajo, en la zona horaria del lugar</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
</context>
<context>
    <name>onsite::DeliverableFiles</name>
    <message>
        <source>The file could not be fetched: %1</source>
        <translation>No se pudo obtener el archivo: %1</translation>
    </message>
    <message>
        <source>Fetching &quot;%1&quot;…</source>
        <translation>Obteniendo «%1»…</translation>
    </message>
</context>
<context>
    <name>onsite::DeliverablesModel</name>
    <message>
        <source>Sign-off sheet</source>
        <translation>Hoja de conformidad</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Subido</translation>
    </message>
    <message>
        <source>%1% of %2</source>
        <translation>%1 % de %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>File changed — choose what to send</source>
        <translation>El archivo cambió — elija qué enviar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>%1: preparing…</source>
        <translation>%1: preparando…</translation>
    </message>
    <message>
        <source>%1: waiting to upload</source>
        <translation>%1: esperando para subir</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>onsite::DeliverablesPanel</name>
    <message>
        <source>Sign-off sheets</source>
        <translation>Hojas de conformidad</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>Otros archivos</translation>
    </message>
    <message>
        <source>&amp;Upload Files…</source>
        <translation>S&amp;ubir archivos…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Cancelar subida</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Send new version</source>
        <translation>Enviar nueva versión</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Deliverable requirements</source>
        <translation>Requisitos de entregables</translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation>Subir archivos</translation>
    </message>
    <message>
        <source>Or drop files anywhere on this page</source>
        <translation>O suelte archivos en cualquier lugar de esta página</translation>
    </message>
    <message>
        <source>Deliverable files</source>
        <translation>Archivos entregables</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deliverables&lt;/b&gt;</source>
        <translation>&lt;b&gt;Entregables&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Instructions:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Instrucciones:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Special instructions:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Instrucciones especiales:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha límite</translation>
    </message>
    <message>
        <source>due %1 (%2)</source>
        <translation>fecha límite %1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 %3 of %4 — %5</source>
        <translation>%1 %2 %3 de %4 — %5</translation>
    </message>
    <message>
        <source>No files are required for this assignment.</source>
        <translation>Esta asignación no requiere archivos.</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Quitar archivo</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the deliverables? The client company will no longer see it.</source>
        <translation>¿Quitar «%1» de los entregables? La empresa cliente dejará de verlo.</translation>
    </message>
    <message>
        <source>Files not uploaded</source>
        <translation>Archivos no subidos</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Descartar todo</translation>
    </message>
    <message>
        <source>Dismiss all refused files</source>
        <translation>Descartar todos los archivos rechazados</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not uploaded:</source>
        <translation>
            <numerusform>%n archivo no subido:</numerusform>
            <numerusform>%n archivos no subidos:</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss %1</source>
        <translation>Descartar %1</translation>
    </message>
</context>
<context>
    <name>onsite::Dialogs</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
</context>
<context>
    <name>onsite::DocumentCache</name>
    <message>
        <source>Not kept offline: keeping documents offline is off in Settings.</source>
        <translation>No guardado sin conexión: guardar documentos sin conexión está desactivado en Configuración.</translation>
    </message>
    <message>
        <source>Not kept offline: the documents of sooner assignments fill the %1 MB set in Settings.</source>
        <translation>No guardado sin conexión: los documentos de asignaciones más próximas ocupan los %1 MB fijados en Configuración.</translation>
    </message>
    <message>
        <source>The downloaded copy did not match the server&apos;s; Onsite downloads it again after the next sync.</source>
        <translation>La copia descargada no coincidía con la del servidor; Onsite la descargará de nuevo tras la próxima sincronización.</translation>
    </message>
    <message>
        <source>The downloaded copy could not be saved in %1.</source>
        <translation>No se pudo guardar la copia descargada en %1.</translation>
    </message>
    <message>
        <source>Not kept offline: larger than the %1 MB set in Settings.</source>
        <translation>No guardado sin conexión: supera los %1 MB fijados en Configuración.</translation>
    </message>
</context>
<context>
    <name>onsite::DocumentDownloadJob</name>
    <message>
        <source>The download could not be written to disk: %1</source>
        <translation>No se pudo escribir la descarga en el disco: %1</translation>
    </message>
</context>
<context>
    <name>onsite::DocumentFiles</name>
    <message>
        <source>&quot;%1&quot; could not be fetched: %2</source>
        <translation>No se pudo obtener «%1»: %2</translation>
    </message>
    <message>
        <source>Fetching &quot;%1&quot;…</source>
        <translation>Obteniendo «%1»…</translation>
    </message>
    <message>
        <source>No program on this computer opens &quot;%1&quot;. The copy is in %2.</source>
        <translation>Ningún programa de este equipo abre «%1». La copia está en %2.</translation>
    </message>
    <message>
        <source>Opened &quot;%1&quot;.</source>
        <translation>Abierto «%1».</translation>
    </message>
</context>
<context>
    <name>onsite::DocumentsModel</name>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>%1 image</source>
        <translation>Imagen %1</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Documento de Word</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>Hoja de cálculo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>ZIP archive</source>
        <translation>Archivo ZIP</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Archivo %1</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <source>Waiting to download</source>
        <translation>Esperando para descargar</translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation>Descargando… %1</translation>
    </message>
    <message>
        <source>Not on this computer: opening it needs the network</source>
        <translation>No está en este equipo: abrirlo necesita conexión</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Not kept offline (see Settings)</source>
        <translation>No guardado sin conexión (ver Configuración)</translation>
    </message>
    <message>
        <source>Not downloaded yet: tried again after the next sync</source>
        <translation>Aún no descargado: se intentará tras la próxima sincronización</translation>
    </message>
</context>
<context>
    <name>onsite::DocumentsSection</name>
    <message>
        <source>Op&amp;en document</source>
        <translation>&amp;Abrir documento</translation>
    </message>
    <message>
        <source>Documents from the client company</source>
        <translation>Documentos de la empresa cliente</translation>
    </message>
    <message>
        <source>Opens the document in this computer&apos;s viewer for its type</source>
        <translation>Abre el documento con el visor de este equipo para su tipo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Documents from %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Documentos de %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Documents of upcoming and in-progress assignments are kept on this computer after each sync (up to the space set in Settings), so they open without a signal on site.</source>
        <translation>Los documentos de las asignaciones próximas y en curso se guardan en este equipo tras cada sincronización (hasta el espacio fijado en Configuración), para que se abran sin señal en el sitio.</translation>
    </message>
    <message>
        <source>This work is no longer upcoming or in progress, so its documents are not kept on this computer; opening one fetches it.</source>
        <translation>Este trabajo ya no está próximo ni en curso, así que sus documentos no se guardan en este equipo; al abrir uno se descarga.</translation>
    </message>
</context>
<context>
    <name>onsite::EarningsModel</name>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Asignaciones</translation>
    </message>
</context>
<context>
    <name>onsite::EmbeddedServer</name>
    <message>
        <source>Could not run %1: %2</source>
        <translation>No se pudo ejecutar %1: %2</translation>
    </message>
    <message>
        <source>The Onsite server stopped (exit code %1): %2</source>
        <translation>El servidor de Onsite se detuvo (código de salida %1): %2</translation>
    </message>
</context>
<context>
    <name>onsite::EtaDialog</name>
    <message>
        <source>&amp;Tell %1</source>
        <translation>&amp;Avisar a %1</translation>
    </message>
    <message>
        <source>#%1 %2 starts %3; the check-in window closes %4. %5 sees your new arrival time and reason once this reaches the server. Worker Late still applies if you check in after the window.</source>
        <translation>n.º %1 %2 empieza %3; el intervalo de entrada se cierra %4. %5 verá su nueva hora de llegada y el motivo cuando esto llegue al servidor. Si registra la entrada después del intervalo, sigue contando como Trabajador con retraso.</translation>
    </message>
    <message>
        <source>&amp;Arrival (time at the site, %1)</source>
        <translation>&amp;Llegada (hora en el lugar, %1)</translation>
    </message>
    <message>
        <source>Say why you will be late: %1 reads it.</source>
        <translation>Indique por qué llegará tarde: %1 lo leerá.</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>El motivo tiene más de %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>onsite::Exports</name>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Guardando %1…</translation>
    </message>
    <message>
        <source>Onsite — %1</source>
        <translation>Onsite — %1</translation>
    </message>
    <message>
        <source>Timesheet</source>
        <translation>Hoja de horas</translation>
    </message>
    <message>
        <source>That assignment is no longer in your list.</source>
        <translation>Esa asignación ya no está en su lista.</translation>
    </message>
    <message>
        <source>Assignment record #%1</source>
        <translation>Registro de la asignación n.º %1</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Exportar calendario</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Archivos iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export timesheet</source>
        <translation>Exportar hoja de horas</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export assignment record</source>
        <translation>Exportar registro de la asignación</translation>
    </message>
    <message>
        <source>No calendar link: %1</source>
        <translation>No hay enlace de calendario: %1</translation>
    </message>
    <message>
        <source>Calendar link copied to the clipboard.</source>
        <translation>Enlace del calendario copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Calendar subscription</source>
        <translation>Suscripción al calendario</translation>
    </message>
    <message>
        <source>Add this address to your calendar app (&quot;subscribe&quot; or &quot;add by URL&quot;) to see your assignments there; it is already on the clipboard. Anyone with it can read your schedule: asking again makes a new one and stops the old one.</source>
        <translation>Añada esta dirección a su aplicación de calendario («suscribirse» o «añadir desde URL») para ver allí sus asignaciones; ya está en el portapapeles. Cualquiera que la tenga puede leer su agenda: al pedirla de nuevo se crea una nueva y la anterior deja de funcionar.</translation>
    </message>
</context>
<context>
    <name>onsite::FundsRequestDialog</name>
    <message>
        <source>Send &amp;request</source>
        <translation>Enviar &amp;solicitud</translation>
    </message>
    <message>
        <source>&amp;Amount (%1)</source>
        <translation>&amp;Importe (%1)</translation>
    </message>
    <message>
        <source>#%1 %2 — %3</source>
        <translation>n.º %1 %2 — %3</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>Solicitud: %1</translation>
    </message>
    <message numerus="yes">
        <source>The work took %n hour(s) more than the budget.</source>
        <translation>
            <numerusform>El trabajo llevó %n hora más que el presupuesto.</numerusform>
            <numerusform>El trabajo llevó %n horas más que el presupuesto.</numerusform>
        </translation>
    </message>
    <message>
        <source>No file (optional)</source>
        <translation>Ningún archivo (opcional)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Extra funds can be requested only while the work is in progress.</source>
        <translation>Solo se pueden solicitar fondos extra mientras el trabajo está en curso.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>El importe debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>That amount is larger than a single request may ask for.</source>
        <translation>Ese importe supera lo que puede pedir una sola solicitud.</translation>
    </message>
    <message>
        <source>Say what the money is for: the reason is required.</source>
        <translation>Indique para qué es el dinero: el motivo es obligatorio.</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>El motivo tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>%1 Choose another file, or none.</source>
        <translation>%1 Elija otro archivo, o ninguno.</translation>
    </message>
    <message>
        <source>The receipt cannot be sent: %1</source>
        <translation>El recibo no se puede enviar: %1</translation>
    </message>
</context>
<context>
    <name>onsite::FundsRequestModel</name>
    <message>
        <source>Decided %1</source>
        <translation>Decidida %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h)</source>
        <translation>
            <numerusform>%1 (%n h)</numerusform>
            <numerusform>%1 (%n h)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (receipt attached)</source>
        <translation>%1 (recibo adjunto)</translation>
    </message>
    <message>
        <source>Awaiting the client</source>
        <translation>En espera del cliente</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
</context>
<context>
    <name>onsite::FundsSection</name>
    <message>
        <source>Request a &amp;budget increase…</source>
        <translation>Solicitar un aumento de &amp;presupuesto…</translation>
    </message>
    <message>
        <source>Request &amp;expense reimbursement…</source>
        <translation>Solicitar &amp;reembolso de gastos…</translation>
    </message>
    <message>
        <source>Request a b&amp;onus…</source>
        <translation>Solicitar una &amp;bonificación…</translation>
    </message>
    <message>
        <source>&amp;Withdraw request…</source>
        <translation>Re&amp;tirar solicitud…</translation>
    </message>
    <message>
        <source>⚙ E&amp;xtra funds</source>
        <translation>⚙ &amp;Fondos extra</translation>
    </message>
    <message>
        <source>Extra funds menu</source>
        <translation>Menú de fondos extra</translation>
    </message>
    <message>
        <source>Request a budget increase, an expense reimbursement or a bonus</source>
        <translation>Solicitar un aumento de presupuesto, un reembolso de gastos o una bonificación</translation>
    </message>
    <message>
        <source>Extra funds requests</source>
        <translation>Solicitudes de fondos extra</translation>
    </message>
    <message>
        <source>&lt;b&gt;Extra funds requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;Solicitudes de fondos extra&lt;/b&gt;</translation>
    </message>
    <message>
        <source>  —  next: %1</source>
        <translation>  —  siguiente: %1</translation>
    </message>
    <message>
        <source> by %1 (%2)</source>
        <translation> antes de %1 (%2)</translation>
    </message>
    <message>
        <source>Extra funds can be requested once you have checked in.</source>
        <translation>Podrá solicitar fondos extra cuando haya registrado la entrada.</translation>
    </message>
    <message>
        <source>Budget increase — not accepted by this client</source>
        <translation>Aumento de presupuesto — este cliente no lo acepta</translation>
    </message>
    <message>
        <source>Select the request to withdraw first.</source>
        <translation>Seleccione primero la solicitud que desea retirar.</translation>
    </message>
    <message>
        <source>Only a pending request can be withdrawn; this one is %1.</source>
        <translation>Solo se puede retirar una solicitud pendiente; esta está %1.</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Retirar solicitud</translation>
    </message>
    <message>
        <source>Withdraw your %1 request for %2?</source>
        <translation>¿Retirar su solicitud de %1 por %2?</translation>
    </message>
</context>
<context>
    <name>onsite::KeychainCredentialStore</name>
    <message>
        <source>No system keychain is available, so your sign-in is kept only until you quit.</source>
        <translation>No hay ningún llavero del sistema disponible, así que su sesión solo se conserva hasta que salga.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>Se denegó el acceso al llavero del sistema.</translation>
    </message>
    <message>
        <source>The system keychain failed: %1</source>
        <translation>Falló el llavero del sistema: %1</translation>
    </message>
</context>
<context>
    <name>onsite::LateNotifier</name>
    <message>
        <source>Deliverables late</source>
        <translation>Entregables con retraso</translation>
    </message>
    <message>
        <source>%1: the files were due and are still missing.</source>
        <translation>%1: los archivos vencieron y aún faltan.</translation>
    </message>
    <message>
        <source>%1 assignments have files that were due and are still missing.</source>
        <translation>%1 asignaciones tienen archivos vencidos que aún faltan.</translation>
    </message>
    <message>
        <source>Worker Late</source>
        <translation>Trabajador con retraso</translation>
    </message>
    <message>
        <source>%1: the check-in window closed without a check-in.</source>
        <translation>%1: el intervalo de entrada se cerró sin registrar la entrada.</translation>
    </message>
    <message>
        <source>%1 assignments: the check-in window closed without a check-in.</source>
        <translation>%1 asignaciones: el intervalo de entrada se cerró sin registrar la entrada.</translation>
    </message>
    <message>
        <source>Not Confirmed</source>
        <translation>Sin confirmar</translation>
    </message>
    <message>
        <source>%1: the confirmation deadline passed; confirm now so the client knows you are coming.</source>
        <translation>%1: venció el plazo de confirmación; confirme ahora para que el cliente sepa que va.</translation>
    </message>
    <message>
        <source>%1 assignments passed their confirmation deadline.</source>
        <translation>%1 asignaciones superaron su plazo de confirmación.</translation>
    </message>
    <message>
        <source>Confirm your schedule</source>
        <translation>Confirme su horario</translation>
    </message>
    <message>
        <source>%1: confirm by %2 (%3).</source>
        <translation>%1: confirme antes de %2 (%3).</translation>
    </message>
    <message>
        <source>%1 assignments need their schedule confirmed within two hours.</source>
        <translation>%1 asignaciones necesitan confirmar su horario en menos de dos horas.</translation>
    </message>
    <message>
        <source>Check-in window open</source>
        <translation>Intervalo de entrada abierto</translation>
    </message>
    <message>
        <source>#%1 %2: check in by %3 (%4).</source>
        <translation>n.º %1 %2: registre la entrada antes de %3 (%4).</translation>
    </message>
    <message>
        <source>%1 assignments can be checked in to now.</source>
        <translation>Ya puede registrar la entrada en %1 asignaciones.</translation>
    </message>
    <message>
        <source>Files due soon</source>
        <translation>Archivos a punto de vencer</translation>
    </message>
    <message>
        <source>%1: the files are due by %2 (%3).</source>
        <translation>%1: los archivos vencen el %2 (%3).</translation>
    </message>
    <message>
        <source>%1 assignments have files due within two hours.</source>
        <translation>%1 asignaciones tienen archivos que vencen en menos de dos horas.</translation>
    </message>
    <message>
        <source>Still on site?</source>
        <translation>¿Sigue en el lugar?</translation>
    </message>
    <message>
        <source>%1: you are still checked in since %2 (%3), and the scheduled end has passed. Check out when you leave.</source>
        <translation>%1: sigue con la entrada registrada desde %2 (%3) y el fin programado ya pasó. Registre la salida al irse.</translation>
    </message>
    <message>
        <source>%1 assignments are still checked in after their scheduled end. Check out when you leave.</source>
        <translation>%1 asignaciones siguen con la entrada registrada después de su fin programado. Registre la salida al irse.</translation>
    </message>
</context>
<context>
    <name>onsite::LocalStore</name>
    <message>
        <source>That assignment is not in your list.</source>
        <translation>Esa asignación no está en su lista.</translation>
    </message>
    <message>
        <source>The cache %1 cannot be read: %2</source>
        <translation>No se puede leer la caché %1: %2</translation>
    </message>
    <message>
        <source>The cache is not ready yet (schema version %1 of %2); try again in a moment.</source>
        <translation>La caché aún no está lista (versión de esquema %1 de %2); inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>onsite::MainWindow</name>
    <message>
        <source>Onsite</source>
        <translation>Onsite</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sincronizar ahora (F5)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Activity…</source>
        <translation>&amp;Actividad…</translation>
    </message>
    <message>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>Exportar ca&amp;lendario (.ics)…</translation>
    </message>
    <message>
        <source>Export &amp;timesheet…</source>
        <translation>Exportar &amp;hoja de horas…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>Configu&amp;ración…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar s&amp;esión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sal&amp;ir</translation>
    </message>
    <message>
        <source>O&amp;nsite</source>
        <translation>O&amp;nsite</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Pendientes de aprobación</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagadas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Search assignments, companies, cities, labels… (Ctrl+F)</source>
        <translation>Buscar asignaciones, empresas, ciudades, etiquetas… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Asignaciones</translation>
    </message>
    <message>
        <source>No assignments here yet. They appear once synced.</source>
        <translation>Aún no hay asignaciones aquí. Aparecerán al sincronizar.</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Check &amp;in now</source>
        <translation>Registrar &amp;entrada ahora</translation>
    </message>
    <message>
        <source>Check &amp;out now</source>
        <translation>Registrar &amp;salida ahora</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n cambio en espera de sincronizar</numerusform>
            <numerusform>%n cambios en espera de sincronizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n change(s) need attention</source>
        <translation>
            <numerusform>⚠ %n cambio requiere atención</numerusform>
            <numerusform>⚠ %n cambios requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <source>Cance&amp;l sync</source>
        <translation>&amp;Cancelar sincronización</translation>
    </message>
    <message>
        <source>Scorecard and ea&amp;rnings…</source>
        <translation>&amp;Puntuación e ingresos…</translation>
    </message>
    <message>
        <source>Calendar subscription lin&amp;k…</source>
        <translation>Enlace de s&amp;uscripción al calendario…</translation>
    </message>
    <message>
        <source>No assignment matches “%1”.</source>
        <translation>Ninguna asignación coincide con «%1».</translation>
    </message>
    <message>
        <source>No assignment in “%1” matches “%2”.</source>
        <translation>Ninguna asignación de «%1» coincide con «%2».</translation>
    </message>
    <message>
        <source>C&amp;lear the search</source>
        <translation>&amp;Borrar la búsqueda</translation>
    </message>
    <message>
        <source>No assignments in “%1” right now.</source>
        <translation>Ahora no hay asignaciones en «%1».</translation>
    </message>
    <message>
        <source>Show &amp;all assignments</source>
        <translation>Mostrar &amp;todas las asignaciones</translation>
    </message>
    <message>
        <source> · latest attempt %1 failed: %2</source>
        <translation> · el último intento (%1) falló: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>onsite::MessagesSection</name>
    <message>
        <source>Send &amp;message</source>
        <translation>Enviar &amp;mensaje</translation>
    </message>
    <message>
        <source>New message to the client company</source>
        <translation>Nuevo mensaje para la empresa cliente</translation>
    </message>
    <message>
        <source>Posted messages cannot be edited or deleted: they are the record of what was agreed.</source>
        <translation>Los mensajes enviados no se pueden editar ni eliminar: son el registro de lo acordado.</translation>
    </message>
    <message>
        <source>Write to %1…</source>
        <translation>Escriba a %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Messages with %1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;Mensajes con %1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Messages with %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mensajes con %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>No messages yet. Ask %1 anything about this assignment here; they answer in this thread.</source>
        <translation>Aún no hay mensajes. Pregunte aquí a %1 lo que necesite sobre esta asignación; le responderán en este hilo.</translation>
    </message>
    <message>
        <source>Write the message first.</source>
        <translation>Escriba primero el mensaje.</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters; split it in two.</source>
        <translation>El mensaje tiene más de %1 caracteres; divídalo en dos.</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>Ad&amp;juntar archivos…</translation>
    </message>
    <message>
        <source>Photos and documents to send with the message (the formats deliverables take)</source>
        <translation>Fotos y documentos para enviar con el mensaje (los formatos que admiten los entregables)</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>no enviado: %1</translation>
    </message>
    <message>
        <source>not sent: the file changed on this computer after it was attached</source>
        <translation>no enviado: el archivo cambió en este equipo después de adjuntarlo</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>Attach files to the message</source>
        <translation>Adjuntar archivos al mensaje</translation>
    </message>
    <message>
        <source>📎 To send with the message: %1 · &lt;a href=&quot;onsite:clear&quot;&gt;Remove the files&lt;/a&gt;</source>
        <translation>📎 Para enviar con el mensaje: %1 · &lt;a href=&quot;onsite:clear&quot;&gt;Quitar los archivos&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n archivo adjunto.</numerusform>
            <numerusform>%n archivos adjuntos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::NetworkJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede conectar con el servidor: %1</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The server is not answering properly (HTTP %1).</source>
        <translation>El servidor no responde correctamente (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>El servidor rechazó la petición (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>No se pudo leer la respuesta del servidor: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>No se pudo leer la respuesta del servidor.</translation>
    </message>
    <message>
        <source>Your session has ended (sessions end after a time unused, and some time after signing in). Sign in again; nothing you did on this computer is lost.</source>
        <translation>Su sesión ha terminado (las sesiones terminan tras un tiempo sin uso, y un tiempo después de iniciar sesión). Inicie sesión de nuevo; no se pierde nada de lo que hizo en este equipo.</translation>
    </message>
</context>
<context>
    <name>onsite::ProblemDialog</name>
    <message>
        <source>&amp;Tell %1</source>
        <translation>&amp;Avisar a %1</translation>
    </message>
    <message>
        <source>#%1 %2. %3 sees the problem once this reaches the server; nothing else about the assignment changes.</source>
        <translation>n.º %1 %2. %3 verá el problema cuando esto llegue al servidor; nada más de la asignación cambia.</translation>
    </message>
    <message>
        <source>Describe what happened: %1 reads it.</source>
        <translation>Describa qué ocurrió: %1 lo leerá.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>La descripción tiene más de %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>onsite::ReportsSection</name>
    <message>
        <source>Running &amp;late…</source>
        <translation>Llego &amp;tarde…</translation>
    </message>
    <message>
        <source>Report a &amp;problem…</source>
        <translation>Informar de un &amp;problema…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running late and problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;Retrasos y problemas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Running late: tell the client company your new arrival time</source>
        <translation>Llego tarde: avise a la empresa cliente de su nueva hora de llegada</translation>
    </message>
    <message>
        <source>Report a problem to the client company</source>
        <translation>Informar de un problema a la empresa cliente</translation>
    </message>
    <message>
        <source>Tell %1 when you now expect to arrive, and why</source>
        <translation>Avise a %1 de cuándo espera llegar ahora, y por qué</translation>
    </message>
    <message>
        <source>Tell %1 about a problem: no access, parts missing, the work differs, you cannot make it</source>
        <translation>Avise a %1 de un problema: sin acceso, faltan piezas, el trabajo no coincide, no puede ir</translation>
    </message>
    <message>
        <source>Running late, arriving &lt;b&gt;%1&lt;/b&gt;: %2 &lt;small&gt;(told %3)&lt;/small&gt;</source>
        <translation>Llega tarde, llegada &lt;b&gt;%1&lt;/b&gt;: %2 &lt;small&gt;(avisado %3)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 &lt;small&gt;(told %3)&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 &lt;small&gt;(avisado %3)&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>onsite::SchemaMigrator</name>
    <message>
        <source>This data (schema version %1) was written by a newer Onsite; update the app to open it.</source>
        <translation>Estos datos (versión de esquema %1) los escribió un Onsite más reciente; actualice la aplicación para abrirlos.</translation>
    </message>
    <message>
        <source>Migration to schema version %1 failed: %2</source>
        <translation>Falló la migración a la versión de esquema %1: %2</translation>
    </message>
</context>
<context>
    <name>onsite::ScorecardDialog</name>
    <message>
        <source>— (nothing counted yet)</source>
        <translation>— (aún no hay nada contado)</translation>
    </message>
    <message>
        <source>%1% (%2 of %3)</source>
        <translation>%1 % (%2 de %3)</translation>
    </message>
    <message>
        <source>Of your assignments whose check-in window has closed, those you checked in to within the window.</source>
        <translation>De sus asignaciones cuyo intervalo de entrada se ha cerrado, aquellas en las que registró la entrada dentro del intervalo.</translation>
    </message>
    <message>
        <source>Of your assignments whose deliverables were due, those with every file uploaded by the due date.</source>
        <translation>De sus asignaciones con entregables vencidos, aquellas con todos los archivos subidos antes de la fecha límite.</translation>
    </message>
    <message>
        <source>Fetching your scorecard…</source>
        <translation>Obteniendo su puntuación…</translation>
    </message>
    <message>
        <source>As of %1.</source>
        <translation>A fecha de %1.</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>No se pudo actualizar: %1</translation>
    </message>
    <message>
        <source>Total: %1 pending approval, %2 approved, %3 paid.</source>
        <translation>Total: %1 pendiente de aprobación, %2 aprobado, %3 pagado.</translation>
    </message>
    <message>
        <source>Nothing submitted yet.</source>
        <translation>Aún no se ha enviado nada.</translation>
    </message>
</context>
<context>
    <name>onsite::SettingsDialog</name>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>%1 (sign out to change)</source>
        <translation>%1 (cierre la sesión para cambiarlo)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>Igual que el sistema (%1)</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Onsite.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio de Onsite.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>The documents of upcoming and in-progress assignments, soonest first. Off: a document is downloaded only when you open it.</source>
        <translation>Los documentos de las asignaciones próximas y en curso, las más cercanas primero. Desactivado: un documento se descarga solo al abrirlo.</translation>
    </message>
</context>
<context>
    <name>onsite::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://onsite.example.com</source>
        <translation>Introduzca la dirección del servidor, p. ej. https://onsite.example.com</translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation>Introduzca su correo electrónico y su contraseña.</translation>
    </message>
</context>
<context>
    <name>onsite::SiteDateTimeDelegate</name>
    <message>
        <source>Time at the site (%1)</source>
        <translation>Hora en el lugar (%1)</translation>
    </message>
</context>
<context>
    <name>onsite::SiteLinks</name>
    <message>
        <source>Address copied.</source>
        <translation>Dirección copiada.</translation>
    </message>
    <message>
        <source>Phone number copied.</source>
        <translation>Número de teléfono copiado.</translation>
    </message>
    <message>
        <source>Email address copied.</source>
        <translation>Dirección de correo copiada.</translation>
    </message>
</context>
<context>
    <name>onsite::SubmitDialog</name>
    <message>
        <source>&amp;Submit for approval</source>
        <translation>&amp;Enviar para aprobación</translation>
    </message>
    <message>
        <source>#%1 %2 — %3. After submitting, the assignment can no longer be changed; %3 approves it, then pays.</source>
        <translation>n.º %1 %2 — %3. Una vez enviada, la asignación ya no se puede modificar; %3 la aprueba y después la paga.</translation>
    </message>
    <message>
        <source>Before you submit:</source>
        <translation>Antes de enviar:</translation>
    </message>
    <message>
        <source>The notes are longer than %1 characters.</source>
        <translation>Las notas tienen más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Still to do: </source>
        <translation>Falta: </translation>
    </message>
</context>
<context>
    <name>onsite::SyncEngine</name>
    <message>
        <source>The local cache is not open.</source>
        <translation>La caché local no está abierta.</translation>
    </message>
    <message>
        <source>Sign in to sync.</source>
        <translation>Inicie sesión para sincronizar.</translation>
    </message>
    <message>
        <source>Could not save to the local cache: %1</source>
        <translation>No se pudo guardar en la caché local: %1</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Sincronización cancelada.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
</context>
<context>
    <name>onsite::TaskDialog</name>
    <message>
        <source>A number</source>
        <translation>Un número</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Write an answer.</source>
        <translation>Escriba una respuesta.</translation>
    </message>
    <message>
        <source>The answer is too long.</source>
        <translation>La respuesta es demasiado larga.</translation>
    </message>
    <message>
        <source>Enter a number, like 3 or %1.</source>
        <translation>Introduzca un número, como 3 o %1.</translation>
    </message>
</context>
<context>
    <name>onsite::TimeLogModel</name>
    <message>
        <source>Checked in (site time)</source>
        <translation>Entrada (hora del lugar)</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tiempo en el lugar</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>on site now</source>
        <translation>ahora en el lugar</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (editada)</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
</context>
<context>
    <name>onsite::TimesheetDialog</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (hojas de cálculo)</translation>
    </message>
    <message>
        <source>PDF (to print or send)</source>
        <translation>PDF (para imprimir o enviar)</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
</context>
<context>
    <name>onsite::UploadChunkJob</name>
    <message>
        <source>unexpected Upload-Offset</source>
        <translation>Upload-Offset inesperado</translation>
    </message>
</context>
<context>
    <name>onsite::UploadCreateJob</name>
    <message>
        <source>no upload location</source>
        <translation>sin ubicación de subida</translation>
    </message>
</context>
<context>
    <name>onsite::UploadEngine</name>
    <message>
        <source>&quot;%1&quot; cannot be read.</source>
        <translation>No se puede leer «%1».</translation>
    </message>
    <message>
        <source>The upload could not be saved: %1</source>
        <translation>No se pudo guardar la subida: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; can no longer be read.</source>
        <translation>Ya no se puede leer «%1».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; changed while it was being read; add it again.</source>
        <translation>«%1» cambió mientras se leía; añádalo de nuevo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer at %2; add it again.</source>
        <translation>«%1» ya no está en %2; añádalo de nuevo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; changed on disk since it was added.</source>
        <translation>«%1» cambió en el disco desde que se añadió.</translation>
    </message>
</context>
<context>
    <name>onsite::UploadFilesDialog</name>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Tipo de %1</translation>
    </message>
    <message>
        <source>Requirement for %1</source>
        <translation>Requisito de %1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 de %3)</translation>
    </message>
    <message>
        <source>Not for a requirement</source>
        <translation>Sin requisito</translation>
    </message>
</context>
<context>
    <name>onsite::UploadOffsetJob</name>
    <message>
        <source>no Upload-Offset</source>
        <translation>sin Upload-Offset</translation>
    </message>
</context>
<context>
    <name>onsite::UploadOptionsJob</name>
    <message>
        <source>the server does not speak tus %1</source>
        <translation>el servidor no habla tus %1</translation>
    </message>
</context>
<context>
    <name>onsite::VisitsSection</name>
    <message>
        <source>Check &amp;in</source>
        <translation>Registrar &amp;entrada</translation>
    </message>
    <message>
        <source>Check &amp;out</source>
        <translation>Registrar &amp;salida</translation>
    </message>
    <message>
        <source>&amp;Delete visit…</source>
        <translation>E&amp;liminar visita…</translation>
    </message>
    <message>
        <source>Confirm schedule</source>
        <translation>Confirmar horario</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar entrada</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <source>Delete the selected visit (Delete)</source>
        <translation>Eliminar la visita seleccionada (Supr)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Confirm schedule (deadline passed %1)</source>
        <translation>Confirmar horario (el plazo venció %1)</translation>
    </message>
    <message>
        <source>Confirm schedule — by %1, %2</source>
        <translation>Confirmar horario — antes de %1, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check in and out by phone:&lt;/b&gt; call %1. %2</source>
        <translation>&lt;b&gt;Registre la entrada y la salida por teléfono:&lt;/b&gt; llame al %1. %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time on site&lt;/b&gt; — double-click a time or note to correct it</source>
        <translation>&lt;b&gt;Tiempo en el lugar&lt;/b&gt; — haga doble clic en una hora o una nota para corregirla</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time on site&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tiempo en el lugar&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select the visit to delete first.</source>
        <translation>Seleccione primero la visita que desea eliminar.</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>Eliminar visita</translation>
    </message>
    <message>
        <source>Delete the visit checked in at %1? The client company still sees that it was recorded and deleted.</source>
        <translation>¿Eliminar la visita con entrada a las %1? La empresa cliente seguirá viendo que se registró y se eliminó.</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tiempo en el lugar</translation>
    </message>
    <message>
        <source>On site for %1 (since %2)</source>
        <translation>En el lugar desde hace %1 (desde %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n visit(s)</source>
        <translation>
            <numerusform>%1 en %n visita</numerusform>
            <numerusform>%1 en %n visitas</numerusform>
        </translation>
    </message>
</context>
</TS>
