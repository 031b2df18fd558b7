public import MonaziteCore
import MonaziteYAML

/// A problem in an alert rules file: the one located error of every YAML format.
public typealias AlertRulesError = LocatedError
typealias RulesNode = YAMLNode
