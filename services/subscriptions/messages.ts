/** People-facing messages of the subscriptions service (es-CL first, English second). */
export const SUB_MESSAGES_ES = {
  FORBIDDEN_INSTITUTION: 'Solo las municipalidades (OPD / Oficina Local de la Niñez) pueden suscribirse a actualizaciones de casos.',
  FORBIDDEN_COMUNA: 'Su credencial no corresponde a la comuna {comunaCode}.',
  INVALID_BODY: 'Solicitud inválida: {detail}.',
  SUBSCRIPTION_NOT_FOUND: 'No existe la suscripción {id}.',
  PURPOSE_REQUIRED: 'Indique el propósito de la consulta en el encabezado X-Purpose (por ejemplo: seguimiento de caso); queda registrado.',
  WEBHOOK_PRIVATE_TARGET: 'La URL del webhook apunta a una dirección interna (loopback, privada o de enlace local); indique una dirección pública de su receptor.',
  FLAG_FORBIDDEN_INSTITUTION: 'Solo los establecimientos educacionales y de salud pueden consultar la alerta de protección.',
  FLAG_INVALID_RUN: 'El RUN indicado no es válido (revise el dígito verificador).',
} as const;

export const SUB_MESSAGES_EN: Record<keyof typeof SUB_MESSAGES_ES, string> = {
  FORBIDDEN_INSTITUTION: 'Only municipalities (OPD / Local Children\'s Office) may subscribe to case updates.',
  FORBIDDEN_COMUNA: 'Your credential does not belong to comuna {comunaCode}.',
  INVALID_BODY: 'Invalid request: {detail}.',
  SUBSCRIPTION_NOT_FOUND: 'The subscription {id} does not exist.',
  PURPOSE_REQUIRED: 'State the purpose of the query in the X-Purpose header (e.g. case follow-up); it is recorded.',
  WEBHOOK_PRIVATE_TARGET: 'The webhook URL points at an internal address (loopback, private or link-local); give your receiver\'s public address.',
  FLAG_FORBIDDEN_INSTITUTION: 'Only schools and health establishments may look up the protection flag.',
  FLAG_INVALID_RUN: 'The RUN given is not valid (check its verification digit).',
};

export type SubMessageCode = keyof typeof SUB_MESSAGES_ES;
