/**
 * Bank descriptions for the privacy guard, written for these tests in the formats US banks and
 * payment apps print. Every person in them is invented (unusual names, so that a later
 * integration test can scan a database for them without false alarms). `redacted` entries name
 * a person and must come out as `expected` with none of `names` left; `kept` entries are
 * businesses, insurers, payments without a counterparty or ordinary purchases, and must come out
 * unchanged.
 */

export type RedactedCase = { description: string; expected: string; names: string[] };

export const REDACTED_CASES: RedactedCase[] = [
  // Chase
  {
    description: "Zelle payment from ORLAITH J FENWHISTLE 18823411",
    expected: "Zelle payment from [client] 18823411",
    names: ["Orlaith", "Fenwhistle"],
  },
  {
    description: "Zelle payment to Fenwhistle Orlaith JPM99C4T7QXZ",
    expected: "Zelle payment to [client] JPM99C4T7QXZ",
    names: ["Orlaith", "Fenwhistle"],
  },
  {
    description: "Zelle Payment From Zephyrine Quarrington Bacc9f2k3m1",
    expected: "Zelle Payment From [client] Bacc9f2k3m1",
    names: ["Zephyrine", "Quarrington"],
  },
  {
    description: "Zelle payment from Z QUARRINGTON 20394857",
    expected: "Zelle payment from [client] 20394857",
    names: ["Quarrington"],
  },
  {
    description: "Zelle payment to MARY-ANNE ASHGROVE-PIKE 11200934",
    expected: "Zelle payment to [client] 11200934",
    names: ["Mary-Anne", "Ashgrove-Pike"],
  },
  {
    description: "Zelle payment from ROSAMUND ELLERSLIE-KAY 4458120 conf 7Y2Q",
    expected: "Zelle payment from [client] 4458120 conf 7Y2Q",
    names: ["Rosamund", "Ellerslie-Kay"],
  },
  {
    description: "Zelle payment to J. R. Thistlecombe 33190522",
    expected: "Zelle payment to [client] 33190522",
    names: ["Thistlecombe"],
  },
  // Bank of America
  {
    description: "Zelle Transfer Conf# 7c2d9f0a1; Velloway, Bartholo",
    expected: "Zelle Transfer Conf# 7c2d9f0a1; [client]",
    names: ["Velloway", "Bartholo"],
  },
  {
    description: "Zelle Transfer Conf# k2j4h5g6; O'Drennan, Siobhan M.",
    expected: "Zelle Transfer Conf# k2j4h5g6; [client]",
    names: ["O'Drennan", "Siobhan"],
  },
  {
    description: 'Zelle payment to Kettleby, Isoline for "May sessions"; Conf# r4nd0m9',
    // A memo may name someone too: when in doubt the guard redacts it.
    expected: 'Zelle payment to [client] for "[client]"; Conf# r4nd0m9',
    names: ["Kettleby", "Isoline"],
  },
  {
    description: "ZELLE DES:TRANSFER ID:T0ZJ4X2L1 INDN:DUNMARROW THORVALD CO ID:0000000001 WEB",
    expected: "ZELLE DES:TRANSFER ID:T0ZJ4X2L1 INDN:[client] CO ID:0000000001 WEB",
    names: ["Dunmarrow", "Thorvald"],
  },
  // Wells Fargo
  {
    description: "ZELLE FROM YARROWBY EMERIC ON 01/05 REF # WFCT0Z7Q4KX9",
    expected: "ZELLE FROM [client] ON 01/05 REF # WFCT0Z7Q4KX9",
    names: ["Yarrowby", "Emeric"],
  },
  {
    description: "ZELLE TO STRATHMERE LUDOVICA ON 02/14 REF # PP0RTY8ZN2",
    expected: "ZELLE TO [client] ON 02/14 REF # PP0RTY8ZN2",
    names: ["Strathmere", "Ludovica"],
  },
  {
    description:
      "ONLINE TRANSFER TO GRIMSDITCH, ANSELM EVERYDAY CHECKING XXXXXX4821 REF #IBE8HJPX6Q ON 03/02/25",
    expected: "ONLINE TRANSFER TO [client] EVERYDAY CHECKING XXXXXX4821 REF #IBE8HJPX6Q ON 03/02/25",
    names: ["Grimsditch", "Anselm"],
  },
  {
    description: "ONLINE TRANSFER FROM WOLVERCOTE P WAY2SAVE SAVINGS XXXXXX0093 REF #IBEQ2M4T9 ON 04/11/25",
    expected: "ONLINE TRANSFER FROM [client] WAY2SAVE SAVINGS XXXXXX0093 REF #IBEQ2M4T9 ON 04/11/25",
    names: ["Wolvercote"],
  },
  // Other banks' transfer and Zelle wordings
  {
    description: "Online Transfer from Lanternfield C ref #IB0T7YPQ2R",
    expected: "Online Transfer from [client] ref #IB0T7YPQ2R",
    names: ["Lanternfield"],
  },
  {
    description: "Online Transfer to HAWKRIDGE-VOSS ROSALIND ref #IB0K3M8N1P",
    expected: "Online Transfer to [client] ref #IB0K3M8N1P",
    names: ["Hawkridge-Voss", "Rosalind"],
  },
  {
    description: "ONLINE BANKING TRANSFER FROM ØLSTRUP DAGNY 5512",
    expected: "ONLINE BANKING TRANSFER FROM [client] 5512",
    names: ["Ølstrup", "Dagny"],
  },
  {
    description: "Mobile Transfer to Loiseaux, Bénédicte Conf 88213",
    expected: "Mobile Transfer to [client] Conf 88213",
    names: ["Loiseaux", "Bénédicte"],
  },
  {
    description: "Zelle money received from Anastasia Brightwater-Oyelaran",
    expected: "Zelle money received from [client]",
    names: ["Anastasia", "Brightwater-Oyelaran"],
  },
  {
    description: "Zelle money sent to Cosimo Lanternfield",
    expected: "Zelle money sent to [client]",
    names: ["Cosimo", "Lanternfield"],
  },
  {
    description: "ZELLE RECEIVED JUNIPER ALDERMOOR",
    expected: "ZELLE RECEIVED [client]",
    names: ["Juniper", "Aldermoor"],
  },
  {
    description: "ZELLE PAYMENT FROM: FAIRWEATHER, OSWIN",
    expected: "ZELLE PAYMENT FROM: [client]",
    names: ["Fairweather", "Oswin"],
  },
  {
    description: "ZELLE PAYMENT TO ISADORA PEMBERTHY ON 06/03 CONF PNC7Y3K2",
    expected: "ZELLE PAYMENT TO [client] ON 06/03 CONF PNC7Y3K2",
    names: ["Isadora", "Pemberthy"],
  },
  {
    description: "ZELLE INSTANT PMT FROM BARNABY QUISTGAARD",
    expected: "ZELLE INSTANT PMT FROM [client]",
    names: ["Barnaby", "Quistgaard"],
  },
  {
    description: "ZELLE RECEIVED FROM DR. HOLLIS VANTREMONT",
    expected: "ZELLE RECEIVED FROM [client]",
    names: ["Hollis", "Vantremont"],
  },
  {
    description: "Zelle payment from PRUDENCE & AUGUSTIN HALVERSEN-QUAY 55120034",
    expected: "Zelle payment from [client] 55120034",
    names: ["Prudence", "Augustin", "Halversen-Quay"],
  },
  {
    description: "PEREGRINE ASHCOMBE VIA ZELLE 0099",
    expected: "[client] VIA ZELLE 0099",
    names: ["Peregrine", "Ashcombe"],
  },
  {
    description: "zelle payment from marguerite d'entremont",
    expected: "zelle payment from [client]",
    names: ["Marguerite", "d'Entremont"],
  },
  {
    description: "ZELLE OSWALDO PRIETO-VANCE",
    expected: "ZELLE [client]",
    names: ["Oswaldo", "Prieto-Vance"],
  },
  // Venmo
  {
    description: "VENMO PAYMENT 1023456789 AURÉLIE DUCHARME-BISSETTE",
    expected: "VENMO PAYMENT 1023456789 [client]",
    names: ["Aurélie", "Ducharme-Bissette"],
  },
  {
    description: "VENMO DES:CASHOUT ID:5234567890 INDN:MCGILLIVRAY IGNATIUS CO ID:5264681992 PPD",
    expected: "VENMO DES:CASHOUT ID:5234567890 INDN:[client] CO ID:5264681992 PPD",
    names: ["McGillivray", "Ignatius"],
  },
  {
    description: "VENMO DES:PAYMENT ID:1029384756 INDN:Quillfeather Tamsin CO ID:3264681992 WEB",
    expected: "VENMO DES:PAYMENT ID:1029384756 INDN:[client] CO ID:3264681992 WEB",
    names: ["Quillfeather", "Tamsin"],
  },
  {
    description: "VENMO *OTTOLINE FEATHERSTONEHAUGH 855-812-4430 NY",
    // The state after the phone number goes too: the guard cannot tell "NY" from an initial.
    expected: "VENMO *[client] 855-812-4430 [client]",
    names: ["Ottoline", "Featherstonehaugh"],
  },
  {
    description: "VENMO *MIREILLE D'AUBIGNY-FROST",
    expected: "VENMO *[client]",
    names: ["Mireille", "D'Aubigny-Frost"],
  },
  {
    description: "Venmo payment to @Leocadia-Brambleworth-7",
    expected: "Venmo payment to @[client]",
    names: ["Leocadia", "Brambleworth"],
  },
  // PayPal
  {
    description: "PAYPAL TRANSFER FROM EVANDER MORROWGATE",
    expected: "PAYPAL TRANSFER FROM [client]",
    names: ["Evander", "Morrowgate"],
  },
  {
    description: "PAYPAL DES:INST XFER ID:PHILIPPAVANS INDN:PHILIPPA VANSTRAATEN CO ID:PAYPALSI77 WEB",
    expected: "PAYPAL DES:INST XFER ID:[client] INDN:[client] CO ID:PAYPALSI77 WEB",
    names: ["Philippa", "Vanstraaten"],
  },
  {
    description: "PAYPAL *YSOLDECRENNICK 402-935-7733",
    expected: "PAYPAL *[client] 402-935-7733",
    names: ["Ysolde", "Crennick"],
  },
  {
    description: "PayPal Transfer to Oakhollow, Lysander",
    expected: "PayPal Transfer to [client]",
    names: ["Oakhollow", "Lysander"],
  },
  // Cash App and Square Cash
  {
    description: "Cash App*Wilhelmina Strudwick",
    expected: "Cash App*[client]",
    names: ["Wilhelmina", "Strudwick"],
  },
  {
    description: "CASH APP*AMBROSE TINDERLY*OAKLAND CA",
    expected: "CASH APP*[client]*[client]",
    names: ["Ambrose", "Tinderly"],
  },
  {
    description: "Cash App Payment from Clementine Rookwood",
    expected: "Cash App Payment from [client]",
    names: ["Clementine", "Rookwood"],
  },
  {
    description: "CASHAPP*PELLINGHAM H 4155551212",
    expected: "CASHAPP*[client] 4155551212",
    names: ["Pellingham"],
  },
  {
    description: "SQUARE CASH *BQUISTGAARD",
    expected: "SQUARE CASH *[client]",
    names: ["Quistgaard"],
  },
  {
    description: "Square Cash Transfer from Seraphina Galloway-Mbeki",
    expected: "Square Cash Transfer from [client]",
    names: ["Seraphina", "Galloway-Mbeki"],
  },
  {
    description: "SQC*INGRID SØNDERGAARD-HOLT",
    expected: "SQC*[client]",
    names: ["Ingrid", "Søndergaard-Holt"],
  },
  // Apple Cash
  {
    description: "Apple Cash Sent Money to Zoë Brisbois",
    expected: "Apple Cash Sent Money to [client]",
    names: ["Zoë", "Brisbois"],
  },
  {
    description: "APPLE CASH RECEIVED FROM JOSÉ NÚÑEZ-TALAVERA",
    expected: "APPLE CASH RECEIVED FROM [client]",
    names: ["José", "Núñez-Talavera"],
  },
  {
    description: "Apple Cash Received Money from Brisbois Zoë 8821",
    expected: "Apple Cash Received Money from [client] 8821",
    names: ["Zoë", "Brisbois"],
  },
];

/** Descriptions the guard must leave exactly as they are. */
export const KEPT_CASES: string[] = [
  // Businesses and insurers paying or paid through P2P channels
  "Zelle payment from MINDFUL PATHS COUNSELING PLLC 44120098",
  "ZELLE FROM AETNA LIFE INSURANCE CO ON 02/03 REF # WFCT0AETNA1",
  "Zelle payment from BCBS OF TEXAS 55019923",
  "Zelle payment from BLUE CROSS BLUE SHIELD OF IL 10023",
  "Online Transfer from OPTUM BEHAVIORAL HEALTH ref #IB0OPT77Q",
  "ZELLE PAYMENT FROM UHC OF CALIFORNIA 120033",
  "Zelle Transfer Conf# q8w7e6r5; CIGNA HEALTHCARE OF ARIZONA",
  "PAYPAL TRANSFER FROM HUMANA INC",
  "ONLINE TRANSFER FROM KAISER PERMANENTE NW REF #IBEK4P2 ON 06/01/25",
  "Zelle payment from MAGELLAN 88213344",
  "ZELLE FROM TRICARE WEST ON 07/02 REF # WFCT0TRI9",
  "Zelle payment to UNITED HEALTHCARE 33012",
  "Zelle payment to BRIGHT HARBOR PSYCHOLOGY PC 77120345",
  "Zelle payment to NORTHSTAR THERAPY GROUP LLC 99120044",
  "Zelle payment from HARBORLIGHT COUNSELING ASSOCIATES 5510",
  "Cash App*CEDAR GROVE WELLNESS",
  "Apple Cash Transfer to bank",
  // Payments without a counterparty
  "VENMO CASHOUT",
  "VENMO PAYMENT",
  "VENMO DES:CASHOUT ID:5234567890 CO ID:5264681992 PPD",
  "Online Transfer from CHK ...1234 transaction#: 9912837465",
  "ONLINE TRANSFER TO SAV ...5678 TRANSACTION#: 1182736450 01/15",
  // Not person-to-person at all
  "AETNA HEALTH PAYMENT 00123",
  "SIMPLEPRACTICE 888-555-0100",
  "CHECKCARD 0105 STAPLES 00112 PORTLAND OR",
  "OPTUM BANK HSA DEPOSIT 20250105",
  "BCBS TX DES:HCCLAIMPMT ID:1750623413 INDN:HARBORLIGHT COUNSELING CO ID:1752245618 CCD",
  "Headway Co payment 0000123",
  "AMAZON.COM*2K4L19TT2 AMZN.COM/BILL WA",
  "ZOOM.US 888-799-9666 CA",
  "Payment Thank You - Web",
];

/** Every invented name in the corpus, for a scan of stored data that must find none of them. */
export const FICTIONAL_NAMES: string[] = [...new Set(REDACTED_CASES.flatMap((c) => c.names))];
