/** The catalogue's filters: institution types and the voivodeships (TERYT codes). */
export const INSTITUTION_TYPES = ["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS", "WUP", "ROPS"] as const;

const VOIVODESHIPS: Record<string, string> = {
  "02": "dolnośląskie",
  "04": "kujawsko-pomorskie",
  "06": "lubelskie",
  "08": "lubuskie",
  "10": "łódzkie",
  "12": "małopolskie",
  "14": "mazowieckie",
  "16": "opolskie",
  "18": "podkarpackie",
  "20": "podlaskie",
  "22": "pomorskie",
  "24": "śląskie",
  "26": "świętokrzyskie",
  "28": "warmińsko-mazurskie",
  "30": "wielkopolskie",
  "32": "zachodniopomorskie",
};

export function VOIVODESHIP_CODES(): { value: string; label: string }[] {
  return Object.entries(VOIVODESHIPS).map(([value, label]) => ({ value, label }));
}
