public import MonaziteCore
import MonaziteYAML

/// A problem in a policy timeline or licence file: the one located error of every YAML format.
public typealias PolicyFileError = LocatedError
typealias PolicyYAMLNode = YAMLNode
