/**
 * Flat illustrations drawn here, so that the demo content needs no downloaded photos (and claims
 * none). Each takes a hue so that entries of the same kind still look different.
 */
export const PICTURES = ['building', 'room', 'classroom', 'lab', 'map', 'laptop', 'award', 'meeting', 'sport', 'art'] as const;
export type DemoPicture = (typeof PICTURES)[number];

const WIDTH = 1200;
const HEIGHT = 800;

type Palette = { sky: string; wall: string; accent: string; light: string; dark: string };

const person = (x: number, y: number, shirt: string, skin = 'hsl(30 45% 55%)') =>
  `<rect x="${x - 45}" y="${y}" width="90" height="120" rx="14" fill="${shirt}"/><circle cx="${x}" cy="${y - 40}" r="40" fill="${skin}"/>`;

const scenes: Record<DemoPicture, (c: Palette, hue: number) => string> = {
  building: (c, hue) => {
    const windows = Array.from({ length: 4 }, (_, row) =>
      Array.from({ length: 7 }, (_, col) => `<rect x="${250 + col * 100}" y="${250 + row * 100}" width="56" height="64" rx="6" fill="${c.light}"/>`).join(''),
    ).join('');
    return `<rect width="100%" height="100%" fill="${c.sky}"/><circle cx="1020" cy="150" r="70" fill="hsl(45 95% 65%)"/>
      <rect x="200" y="200" width="800" height="500" fill="${c.wall}"/><rect x="180" y="170" width="840" height="40" fill="${c.accent}"/>${windows}
      <rect x="545" y="610" width="110" height="90" fill="hsl(${hue} 30% 25%)"/><rect y="700" width="100%" height="100" fill="hsl(100 35% 55%)"/>
      <circle cx="120" cy="640" r="70" fill="hsl(120 40% 40%)"/><rect x="112" y="640" width="16" height="70" fill="hsl(25 40% 30%)"/>
      <circle cx="1090" cy="640" r="60" fill="hsl(120 40% 40%)"/><rect x="1082" y="640" width="16" height="70" fill="hsl(25 40% 30%)"/>`;
  },
  room: (c) => `<rect width="100%" height="100%" fill="${c.light}"/><rect y="560" width="100%" height="240" fill="${c.sky}"/>
    <rect x="120" y="120" width="300" height="220" rx="10" fill="${c.sky}" stroke="${c.wall}" stroke-width="14"/>
    <rect x="760" y="110" width="300" height="260" rx="6" fill="white" stroke="${c.wall}" stroke-width="8"/>
    <rect x="800" y="160" width="220" height="14" fill="${c.accent}"/><rect x="800" y="200" width="160" height="14" fill="${c.wall}"/>
    <ellipse cx="600" cy="520" rx="330" ry="60" fill="${c.wall}"/><rect x="580" y="540" width="40" height="160" fill="${c.dark}"/>
    ${person(345, 430, c.accent)}${person(855, 430, c.accent, 'hsl(25 40% 40%)')}`,
  classroom: (
    c,
  ) => `<rect width="100%" height="100%" fill="${c.light}"/><rect x="250" y="80" width="700" height="300" rx="8" fill="hsl(150 35% 28%)" stroke="${c.dark}" stroke-width="12"/>
    <path d="M320 300 L420 180 L520 260 L640 140" stroke="white" stroke-width="8" fill="none"/><circle cx="800" cy="220" r="60" stroke="white" stroke-width="8" fill="none"/>
    ${[0, 1, 2].map((i) => `${person(260 + i * 340, 520, c.accent)}<rect x="${170 + i * 340}" y="600" width="180" height="24" fill="${c.wall}"/>`).join('')}
    <rect y="700" width="100%" height="100" fill="${c.sky}"/>`,
  lab: (c) => `<rect width="100%" height="100%" fill="${c.sky}"/><rect y="520" width="100%" height="280" fill="${c.wall}"/>
    <path d="M300 200 h80 v120 l90 200 h-260 l90 -200z" fill="${c.light}" stroke="${c.dark}" stroke-width="10"/><path d="M240 460 h200 l30 60 h-260z" fill="${c.accent}"/>
    <rect x="560" y="300" width="60" height="220" rx="30" fill="${c.light}" stroke="${c.dark}" stroke-width="10"/><rect x="566" y="420" width="48" height="94" rx="24" fill="hsl(200 80% 55%)"/>
    <path d="M780 520 h200 v-30 h-60 l40 -180 -40 -20 -70 200 h-70z" fill="${c.dark}"/><circle cx="900" cy="260" r="36" fill="${c.dark}"/>`,
  map: (
    c,
  ) => `<rect width="100%" height="100%" fill="${c.sky}"/><path d="M140 300 L400 180 L700 230 L1000 170 L1080 420 L900 600 L520 640 L220 560z" fill="${c.light}" stroke="${c.wall}" stroke-width="10"/>
    ${[
      [380, 330],
      [640, 420],
      [860, 300],
      [500, 540],
    ]
      .map(
        ([x, y]) =>
          `<path d="M${x} ${y} c-50 -60 -50 -120 0 -120 c50 0 50 60 0 120z" fill="${c.accent}"/><circle cx="${x}" cy="${y - 80}" r="16" fill="white"/>`,
      )
      .join('')}`,
  laptop: (c) => `<rect width="100%" height="100%" fill="${c.light}"/><rect y="580" width="100%" height="220" fill="${c.wall}"/>
    <rect x="300" y="170" width="600" height="380" rx="16" fill="${c.dark}"/><rect x="330" y="200" width="540" height="320" fill="${c.sky}"/>
    ${person(470, 360, c.accent)}${person(730, 360, c.wall, 'hsl(25 40% 40%)')}<rect x="600" y="200" width="6" height="320" fill="${c.dark}"/>
    <path d="M220 550 h760 l60 50 h-880z" fill="hsl(0 0% 70%)"/>`,
  award: (
    c,
  ) => `<rect width="100%" height="100%" fill="${c.sky}"/><rect x="420" y="600" width="360" height="120" fill="${c.wall}"/><rect x="500" y="540" width="200" height="60" fill="${c.dark}"/>
    <path d="M470 160 h260 v120 a130 130 0 0 1 -260 0z" fill="hsl(45 90% 55%)"/><path d="M470 190 h-80 a70 70 0 0 0 90 100" stroke="hsl(45 90% 45%)" stroke-width="18" fill="none"/>
    <path d="M730 190 h80 a70 70 0 0 1 -90 100" stroke="hsl(45 90% 45%)" stroke-width="18" fill="none"/><rect x="570" y="400" width="60" height="140" fill="hsl(45 90% 45%)"/>
    <circle cx="220" cy="560" r="70" fill="hsl(0 0% 75%)"/><circle cx="980" cy="560" r="70" fill="hsl(30 60% 50%)"/><path d="M190 380 l30 110 l30 -110z M950 380 l30 110 l30 -110z" fill="${c.accent}"/>`,
  meeting: (
    c,
  ) => `<rect width="100%" height="100%" fill="${c.light}"/>${person(250, 330, c.accent)}${person(500, 300, c.wall, 'hsl(25 40% 40%)')}${person(750, 300, c.accent)}${person(960, 330, c.dark, 'hsl(30 50% 65%)')}
    <ellipse cx="600" cy="560" rx="520" ry="110" fill="${c.wall}"/><rect x="430" y="500" width="120" height="40" rx="6" fill="white"/><rect x="680" y="510" width="100" height="30" rx="6" fill="white"/>`,
  sport: (
    c,
  ) => `<rect width="100%" height="100%" fill="${c.sky}"/><ellipse cx="600" cy="620" rx="620" ry="220" fill="hsl(10 60% 55%)"/><ellipse cx="600" cy="640" rx="480" ry="140" fill="hsl(110 40% 50%)"/>
    <path d="M40 620 a560 200 0 0 1 1120 0" stroke="white" stroke-width="8" fill="none"/><circle cx="600" cy="640" r="70" fill="white" stroke="${c.dark}" stroke-width="8"/>
    <path d="M600 570 v140 M530 640 h140" stroke="${c.dark}" stroke-width="6"/>${person(300, 380, c.accent)}${person(900, 400, c.wall, 'hsl(25 40% 40%)')}`,
  art: (
    c,
  ) => `<rect width="100%" height="100%" fill="${c.light}"/><path d="M420 700 L560 120 M780 700 L640 120 M600 120 v580" stroke="${c.dark}" stroke-width="16"/>
    <rect x="400" y="180" width="400" height="320" fill="white" stroke="${c.wall}" stroke-width="10"/><circle cx="520" cy="300" r="60" fill="${c.accent}"/><path d="M430 470 l120 -110 90 70 70 -50 80 90z" fill="hsl(120 40% 45%)"/>
    <ellipse cx="1000" cy="560" rx="130" ry="90" fill="hsl(35 50% 70%)"/>${['hsl(0 75% 55%)', 'hsl(210 75% 55%)', 'hsl(50 90% 55%)', 'hsl(130 55% 45%)'].map((f, i) => `<circle cx="${940 + (i % 2) * 90}" cy="${530 + Math.floor(i / 2) * 60}" r="22" fill="${f}"/>`).join('')}`,
};

/** The SVG source of a picture on a 1200×800 canvas. */
export function drawing(picture: DemoPicture, hue: number): string {
  const c: Palette = {
    sky: `hsl(${hue} 70% 86%)`,
    wall: `hsl(${hue} 35% 45%)`,
    accent: `hsl(${(hue + 40) % 360} 75% 55%)`,
    light: `hsl(${hue} 40% 95%)`,
    dark: `hsl(${hue} 30% 25%)`,
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${scenes[picture](c, hue)}</svg>`;
}
