public import MonaziteCore
import MonaziteYAML

/// A problem in a network or scenario file: the one located error of every YAML format.
public typealias ScenarioFileError = LocatedError
typealias YAMLField = YAMLNode
