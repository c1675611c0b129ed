/** People-facing messages of the subscriptions service (es-CL first, English second). */
export const SUB_MESSAGES_ES = {
  FORBIDDEN_INSTITUTION: 'Solo las municipalidades (OPD / Oficina Local de la Niñez) pueden suscribirse a actualizaciones de casos.',
  FORBIDDEN_COMUNA: 'Su credencial no corresponde a la comuna {comunaCode}.',
  INVALID_BODY: 'Solicitud inválida: {detail}.',
  SUBSCRIPTION_NOT_FOUND: 'No existe la suscripción {id}.',
} as const;

export const SUB_MESSAGES_EN: Record<keyof typeof SUB_MESSAGES_ES, string> = {
  FORBIDDEN_INSTITUTION: 'Only municipalities (OPD / Local Children\'s Office) may subscribe to case updates.',
  FORBIDDEN_COMUNA: 'Your credential does not belong to comuna {comunaCode}.',
  INVALID_BODY: 'Invalid request: {detail}.',
  SUBSCRIPTION_NOT_FOUND: 'The subscription {id} does not exist.',
};

export type SubMessageCode = keyof typeof SUB_MESSAGES_ES;
