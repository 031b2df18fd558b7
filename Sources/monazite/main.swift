import MonaziteCLI

await MonaziteCommand.main()
