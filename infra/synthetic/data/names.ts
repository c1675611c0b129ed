/**
 * Name lists for synthetic people: common Chilean given names and surnames, plus names common
 * among migrant families (Venezuela, Perú, Haití, Colombia, Bolivia). Combined at random they
 * name nobody real. Every character is in Latin-1, because two of the files are written in it.
 */
export const GIVEN_FEMALE: readonly string[] = [
  'Sofía', 'Isidora', 'Florencia', 'Agustina', 'Emilia', 'Josefa', 'Catalina', 'Antonella', 'Martina', 'Trinidad',
  'Maite', 'Valentina', 'Javiera', 'Constanza', 'Fernanda', 'Amanda', 'Antonia', 'Francisca', 'Isabella', 'Camila',
  'Daniela', 'María', 'Ignacia', 'Rocío', 'Renata', 'Julieta', 'Monserrat', 'Paz', 'Belén', 'Colomba',
  'Magdalena', 'Pía', 'Dominga', 'Laura', 'Victoria', 'Gabriela', 'Carolina', 'Bárbara', 'Consuelo', 'Rosario',
  'Guadalupe', 'Amparo', 'Elisa', 'Ema', 'Aylin', 'Anaís', 'Millaray', 'Ayelén', 'Rayén', 'Violeta',
];

export const GIVEN_MALE: readonly string[] = [
  'Agustín', 'Benjamín', 'Vicente', 'Martín', 'Matías', 'Joaquín', 'Maximiliano', 'Tomás', 'Lucas', 'Cristóbal',
  'Sebastián', 'Diego', 'Felipe', 'Ignacio', 'Nicolás', 'José', 'Juan', 'Pablo', 'Francisco', 'Bastián',
  'Gaspar', 'Alonso', 'Mateo', 'Santiago', 'Emilio', 'Facundo', 'Renato', 'Gabriel', 'Álvaro', 'Manuel',
  'Luis', 'Jorge', 'Andrés', 'Camilo', 'Rodrigo', 'Fernando', 'Cristián', 'Esteban', 'Maximiliano', 'León',
  'Julián', 'Simón', 'Damián', 'Amaro', 'Florián', 'Lautaro', 'Ángel', 'Iñaki', 'Bruno', 'Jesús',
];

/** Common Chilean surnames (single word). */
export const SURNAMES: readonly string[] = [
  'González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda',
  'Morales', 'Rodríguez', 'López', 'Fuentes', 'Hernández', 'Torres', 'Araya', 'Flores', 'Espinoza', 'Valenzuela',
  'Castillo', 'Tapia', 'Reyes', 'Gutiérrez', 'Castro', 'Pizarro', 'Álvarez', 'Vásquez', 'Sánchez', 'Fernández',
  'Ramírez', 'Carrasco', 'Gómez', 'Cortés', 'Herrera', 'Núñez', 'Jara', 'Vergara', 'Rivera', 'Figueroa',
  'Riquelme', 'García', 'Miranda', 'Bravo', 'Vera', 'Molina', 'Vega', 'Campos', 'Sandoval', 'Orellana',
  'Zúñiga', 'Olivares', 'Alarcón', 'Gallardo', 'Ortiz', 'Garrido', 'Salazar', 'Guzmán', 'Henríquez', 'Saavedra',
  'Navarro', 'Aguilera', 'Parra', 'Romero', 'Aravena', 'Vargas', 'Vidal', 'Cáceres', 'Yáñez', 'Leiva',
  'Quiroz', 'Ibáñez', 'Huenchullán', 'Painemal', 'Quispe', 'Mamani', 'Millán', 'Ñancupil', 'Catrileo', 'Peña',
];

/**
 * Compound surnames and surnames with particles: the ones institutions spell split, joined or
 * without the particle (`De la Fuente`, `DELAFUENTE`, `Fuente`), and one with an apostrophe.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  'San Martín', 'De la Fuente', 'Del Valle', 'Del Río', 'De la Barra', 'San Juan', 'De la Cruz', 'Del Canto',
  'Santa María', 'De los Santos', "O'Ryan",
];

export const MIGRANT_GIVEN_FEMALE: readonly string[] = [
  'Yuleisy', 'Mariangel', 'Daniela', 'Valeria', 'Nahomi', 'Wendy', 'Roselande', 'Fabiola', 'Dayana', 'Génesis', 'Milagros', 'Luz',
];
export const MIGRANT_GIVEN_MALE: readonly string[] = [
  'Jean', 'Wilson', 'Kevin', 'Jhon', 'Stiven', 'Yorman', 'Luis', 'Jesús', 'Anderson', 'Frantz', 'Wilmer', 'Brayan',
];
export const MIGRANT_SURNAMES: readonly string[] = [
  'Pierre', 'Joseph', 'Jean-Baptiste', 'Louis', 'Mendoza', 'Rodríguez', 'Quispe', 'Mamani', 'Chávez', 'Castillo',
  'Guerrero', 'Ramos', 'Medina', 'Paredes', 'Charles', 'Vásquez',
];

/** Hypocorisms that institutions type instead of the registered name (matching.md §5.3). */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Francisco: 'Pancho', Ignacio: 'Nacho', José: 'Pepe', Constanza: 'Coni', Catalina: 'Cata', Javiera: 'Javi',
  Sebastián: 'Seba', Benjamín: 'Benja', Vicente: 'Vicho', Fernanda: 'Feña', Rosario: 'Charo', Manuel: 'Manolo',
  Luis: 'Lucho', Guadalupe: 'Lupe', Maximiliano: 'Maxi', Cristóbal: 'Cris',
};

export const STREET_KINDS: readonly string[] = ['Calle', 'Pasaje', 'Avenida', 'Los', 'Villa'];
export const STREET_NAMES: readonly string[] = [
  'Los Aromos', 'Las Acacias', 'Arturo Prat', "O'Higgins", 'Manuel Rodríguez', 'Gabriela Mistral', 'Los Copihues',
  'El Roble', 'Pedro de Valdivia', 'Lautaro', 'Caupolicán', 'Los Alerces', 'San Martín', 'Esmeralda', 'Bulnes',
  'Las Araucarias', 'Violeta Parra', 'Pablo Neruda', 'El Canelo', 'Los Maitenes', 'Ñuble', 'Baquedano', 'Colo Colo',
];
export const VILLAS: readonly string[] = [
  'Villa Los Héroes', 'Población La Victoria', 'Villa El Esfuerzo', 'Campamento Nueva Esperanza', 'Villa Las Rosas',
  'Población San Gregorio', 'Villa Cordillera',
];
