from pos_coach.cli import main

main()
