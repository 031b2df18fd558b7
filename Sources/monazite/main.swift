import MonaziteCLI

await MonaziteCommand.runAsync()
