from pmpath.cli.app import main

main()
