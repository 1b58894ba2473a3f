/** The server half of the plugin kit: what every Qabilet plugin's server shares (see README). */
export {};
