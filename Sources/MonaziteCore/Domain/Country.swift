/// A reporter or partner in trade statistics: an ISO 3166-1 alpha-3 country, or one of the
/// few aggregates that statistics publish (`WLD` world, `EUU` European Union, `ROW` rest of
/// world) and that analytics must never count as a country.
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Upper-case alpha-3 code.
    public let alpha3: String

    /// Accepts a known code in any case; nil for anything not in ``CountryCatalog``.
    public init?(_ text: String) {
        let code = text.trimmingWhitespace().uppercased()
        guard CountryCatalog.entries[code] != nil else { return nil }
        self.alpha3 = code
    }

    public static let world = CountryCode(known: "WLD")
    public static let china = CountryCode(known: "CHN")
    public static let unitedStates = CountryCode(known: "USA")

    init(known: String) { self.alpha3 = known }

    public var name: String { CountryCatalog.entries[alpha3]?.name ?? alpha3 }
    public var kind: CountryCatalog.Kind { CountryCatalog.entries[alpha3]?.kind ?? .country }
    /// True for ISO countries, false for world, groups and residuals.
    public var isCountry: Bool { kind == .country }
    public var description: String { alpha3 }
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.alpha3 < rhs.alpha3 }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let c = CountryCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown country code \(text)"))
        }
        self = c
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(alpha3)
    }
}

/// The codes Monazite knows: ISO 3166-1 alpha-3 (249 countries and territories) plus aggregates.
public enum CountryCatalog {
    public enum Kind: String, Sendable, Codable {
        /// An ISO 3166-1 country or territory.
        case country
        /// The world total (`WLD`).
        case world
        /// A group of countries published as one partner (`EUU`), overlapping its members.
        case group
        /// Whatever is left after the named countries (`ROW`, USGS "Other").
        case residual
    }

    public struct Entry: Sendable {
        public let name: String
        public let kind: Kind
    }

    /// Non-ISO codes: `WLD` and `EUU` follow the World Bank's codes for the world and the EU.
    static let aggregates: [(String, String, Kind)] = [
        ("WLD", "World", .world),
        ("EUU", "European Union", .group),
        ("ROW", "Rest of world", .residual),
    ]

    /// Names as users and news write them, mapped to codes: for reading curated tables.
    public static let aliases: [String: String] = [
        "world": "WLD", "world total": "WLD", "world total (rounded)": "WLD", "european union": "EUU", "eu": "EUU",
        "rest of world": "ROW", "other": "ROW", "others": "ROW", "united states": "USA", "us": "USA",
        "south korea": "KOR", "korea": "KOR", "burma": "MMR", "myanmar": "MMR", "vietnam": "VNM", "russia": "RUS",
        "china (incl. hong kong)": "CHN", "uk": "GBR", "taiwan": "TWN",
    ]

    /// Looks a code up by alpha-3 code, English name or alias (case-insensitive).
    public static func resolve(_ text: String) -> CountryCode? {
        if let c = CountryCode(text) { return c }
        let key = text.trimmingWhitespace().lowercased()
        if let code = aliases[key] { return CountryCode(known: code) }
        if let code = byName[key] { return CountryCode(known: code) }
        return nil
    }

    public static let entries: [String: Entry] = {
        var d: [String: Entry] = [:]
        for (code, name) in iso3166 { d[code] = Entry(name: name, kind: .country) }
        for (code, name, kind) in aggregates { d[code] = Entry(name: name, kind: kind) }
        return d
    }()

    static let byName: [String: String] = {
        var d: [String: String] = [:]
        for (code, entry) in entries { d[entry.name.lowercased()] = code }
        return d
    }()

    /// ISO 3166-1 alpha-3 codes with short English names (from the ISO 3166 maintenance agency's list).
    static let iso3166: [(String, String)] = [
        ("ABW", "Aruba"),
        ("AFG", "Afghanistan"),
        ("AGO", "Angola"),
        ("AIA", "Anguilla"),
        ("ALA", "Åland Islands"),
        ("ALB", "Albania"),
        ("AND", "Andorra"),
        ("ARE", "United Arab Emirates"),
        ("ARG", "Argentina"),
        ("ARM", "Armenia"),
        ("ASM", "American Samoa"),
        ("ATA", "Antarctica"),
        ("ATF", "French Southern Territories"),
        ("ATG", "Antigua and Barbuda"),
        ("AUS", "Australia"),
        ("AUT", "Austria"),
        ("AZE", "Azerbaijan"),
        ("BDI", "Burundi"),
        ("BEL", "Belgium"),
        ("BEN", "Benin"),
        ("BES", "Bonaire, Sint Eustatius and Saba"),
        ("BFA", "Burkina Faso"),
        ("BGD", "Bangladesh"),
        ("BGR", "Bulgaria"),
        ("BHR", "Bahrain"),
        ("BHS", "Bahamas"),
        ("BIH", "Bosnia and Herzegovina"),
        ("BLM", "Saint Barthélemy"),
        ("BLR", "Belarus"),
        ("BLZ", "Belize"),
        ("BMU", "Bermuda"),
        ("BOL", "Bolivia"),
        ("BRA", "Brazil"),
        ("BRB", "Barbados"),
        ("BRN", "Brunei Darussalam"),
        ("BTN", "Bhutan"),
        ("BVT", "Bouvet Island"),
        ("BWA", "Botswana"),
        ("CAF", "Central African Republic"),
        ("CAN", "Canada"),
        ("CCK", "Cocos (Keeling) Islands"),
        ("CHE", "Switzerland"),
        ("CHL", "Chile"),
        ("CHN", "China"),
        ("CIV", "Côte d'Ivoire"),
        ("CMR", "Cameroon"),
        ("COD", "Congo, The Democratic Republic of the"),
        ("COG", "Congo"),
        ("COK", "Cook Islands"),
        ("COL", "Colombia"),
        ("COM", "Comoros"),
        ("CPV", "Cabo Verde"),
        ("CRI", "Costa Rica"),
        ("CUB", "Cuba"),
        ("CUW", "Curaçao"),
        ("CXR", "Christmas Island"),
        ("CYM", "Cayman Islands"),
        ("CYP", "Cyprus"),
        ("CZE", "Czechia"),
        ("DEU", "Germany"),
        ("DJI", "Djibouti"),
        ("DMA", "Dominica"),
        ("DNK", "Denmark"),
        ("DOM", "Dominican Republic"),
        ("DZA", "Algeria"),
        ("ECU", "Ecuador"),
        ("EGY", "Egypt"),
        ("ERI", "Eritrea"),
        ("ESH", "Western Sahara"),
        ("ESP", "Spain"),
        ("EST", "Estonia"),
        ("ETH", "Ethiopia"),
        ("FIN", "Finland"),
        ("FJI", "Fiji"),
        ("FLK", "Falkland Islands (Malvinas)"),
        ("FRA", "France"),
        ("FRO", "Faroe Islands"),
        ("FSM", "Micronesia, Federated States of"),
        ("GAB", "Gabon"),
        ("GBR", "United Kingdom"),
        ("GEO", "Georgia"),
        ("GGY", "Guernsey"),
        ("GHA", "Ghana"),
        ("GIB", "Gibraltar"),
        ("GIN", "Guinea"),
        ("GLP", "Guadeloupe"),
        ("GMB", "Gambia"),
        ("GNB", "Guinea-Bissau"),
        ("GNQ", "Equatorial Guinea"),
        ("GRC", "Greece"),
        ("GRD", "Grenada"),
        ("GRL", "Greenland"),
        ("GTM", "Guatemala"),
        ("GUF", "French Guiana"),
        ("GUM", "Guam"),
        ("GUY", "Guyana"),
        ("HKG", "Hong Kong"),
        ("HMD", "Heard Island and McDonald Islands"),
        ("HND", "Honduras"),
        ("HRV", "Croatia"),
        ("HTI", "Haiti"),
        ("HUN", "Hungary"),
        ("IDN", "Indonesia"),
        ("IMN", "Isle of Man"),
        ("IND", "India"),
        ("IOT", "British Indian Ocean Territory"),
        ("IRL", "Ireland"),
        ("IRN", "Iran"),
        ("IRQ", "Iraq"),
        ("ISL", "Iceland"),
        ("ISR", "Israel"),
        ("ITA", "Italy"),
        ("JAM", "Jamaica"),
        ("JEY", "Jersey"),
        ("JOR", "Jordan"),
        ("JPN", "Japan"),
        ("KAZ", "Kazakhstan"),
        ("KEN", "Kenya"),
        ("KGZ", "Kyrgyzstan"),
        ("KHM", "Cambodia"),
        ("KIR", "Kiribati"),
        ("KNA", "Saint Kitts and Nevis"),
        ("KOR", "South Korea"),
        ("KWT", "Kuwait"),
        ("LAO", "Laos"),
        ("LBN", "Lebanon"),
        ("LBR", "Liberia"),
        ("LBY", "Libya"),
        ("LCA", "Saint Lucia"),
        ("LIE", "Liechtenstein"),
        ("LKA", "Sri Lanka"),
        ("LSO", "Lesotho"),
        ("LTU", "Lithuania"),
        ("LUX", "Luxembourg"),
        ("LVA", "Latvia"),
        ("MAC", "Macao"),
        ("MAF", "Saint Martin (French part)"),
        ("MAR", "Morocco"),
        ("MCO", "Monaco"),
        ("MDA", "Moldova"),
        ("MDG", "Madagascar"),
        ("MDV", "Maldives"),
        ("MEX", "Mexico"),
        ("MHL", "Marshall Islands"),
        ("MKD", "North Macedonia"),
        ("MLI", "Mali"),
        ("MLT", "Malta"),
        ("MMR", "Myanmar"),
        ("MNE", "Montenegro"),
        ("MNG", "Mongolia"),
        ("MNP", "Northern Mariana Islands"),
        ("MOZ", "Mozambique"),
        ("MRT", "Mauritania"),
        ("MSR", "Montserrat"),
        ("MTQ", "Martinique"),
        ("MUS", "Mauritius"),
        ("MWI", "Malawi"),
        ("MYS", "Malaysia"),
        ("MYT", "Mayotte"),
        ("NAM", "Namibia"),
        ("NCL", "New Caledonia"),
        ("NER", "Niger"),
        ("NFK", "Norfolk Island"),
        ("NGA", "Nigeria"),
        ("NIC", "Nicaragua"),
        ("NIU", "Niue"),
        ("NLD", "Netherlands"),
        ("NOR", "Norway"),
        ("NPL", "Nepal"),
        ("NRU", "Nauru"),
        ("NZL", "New Zealand"),
        ("OMN", "Oman"),
        ("PAK", "Pakistan"),
        ("PAN", "Panama"),
        ("PCN", "Pitcairn"),
        ("PER", "Peru"),
        ("PHL", "Philippines"),
        ("PLW", "Palau"),
        ("PNG", "Papua New Guinea"),
        ("POL", "Poland"),
        ("PRI", "Puerto Rico"),
        ("PRK", "North Korea"),
        ("PRT", "Portugal"),
        ("PRY", "Paraguay"),
        ("PSE", "Palestine, State of"),
        ("PYF", "French Polynesia"),
        ("QAT", "Qatar"),
        ("REU", "Réunion"),
        ("ROU", "Romania"),
        ("RUS", "Russian Federation"),
        ("RWA", "Rwanda"),
        ("SAU", "Saudi Arabia"),
        ("SDN", "Sudan"),
        ("SEN", "Senegal"),
        ("SGP", "Singapore"),
        ("SGS", "South Georgia and the South Sandwich Islands"),
        ("SHN", "Saint Helena, Ascension and Tristan da Cunha"),
        ("SJM", "Svalbard and Jan Mayen"),
        ("SLB", "Solomon Islands"),
        ("SLE", "Sierra Leone"),
        ("SLV", "El Salvador"),
        ("SMR", "San Marino"),
        ("SOM", "Somalia"),
        ("SPM", "Saint Pierre and Miquelon"),
        ("SRB", "Serbia"),
        ("SSD", "South Sudan"),
        ("STP", "Sao Tome and Principe"),
        ("SUR", "Suriname"),
        ("SVK", "Slovakia"),
        ("SVN", "Slovenia"),
        ("SWE", "Sweden"),
        ("SWZ", "Eswatini"),
        ("SXM", "Sint Maarten (Dutch part)"),
        ("SYC", "Seychelles"),
        ("SYR", "Syria"),
        ("TCA", "Turks and Caicos Islands"),
        ("TCD", "Chad"),
        ("TGO", "Togo"),
        ("THA", "Thailand"),
        ("TJK", "Tajikistan"),
        ("TKL", "Tokelau"),
        ("TKM", "Turkmenistan"),
        ("TLS", "Timor-Leste"),
        ("TON", "Tonga"),
        ("TTO", "Trinidad and Tobago"),
        ("TUN", "Tunisia"),
        ("TUR", "Türkiye"),
        ("TUV", "Tuvalu"),
        ("TWN", "Taiwan"),
        ("TZA", "Tanzania"),
        ("UGA", "Uganda"),
        ("UKR", "Ukraine"),
        ("UMI", "United States Minor Outlying Islands"),
        ("URY", "Uruguay"),
        ("USA", "United States"),
        ("UZB", "Uzbekistan"),
        ("VAT", "Holy See (Vatican City State)"),
        ("VCT", "Saint Vincent and the Grenadines"),
        ("VEN", "Venezuela"),
        ("VGB", "Virgin Islands, British"),
        ("VIR", "Virgin Islands, U.S."),
        ("VNM", "Vietnam"),
        ("VUT", "Vanuatu"),
        ("WLF", "Wallis and Futuna"),
        ("WSM", "Samoa"),
        ("YEM", "Yemen"),
        ("ZAF", "South Africa"),
        ("ZMB", "Zambia"),
        ("ZWE", "Zimbabwe"),
    ]
}
