// Placeholder: the Xero emulator issue fills this package.
export {};
