/** The admin half of the plugin kit: what every Qabilet plugin's admin pages share (see README). */
export {};
